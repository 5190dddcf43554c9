package org.gridvault.sites;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a person is to a site, and so what they may do there. */
public enum SiteRole {
    /** Created the site: may do everything, including sharing it. */
    OWNER(EnumSet.allOf(SitePermission.class)),
    /** Member of an installer organisation the owner granted: sees the site and commissions its devices. */
    INSTALLER(EnumSet.of(SitePermission.VIEW, SitePermission.MANAGE_DEVICES)),
    /** Invited by the owner: sees the site, changes nothing. */
    VIEWER(EnumSet.of(SitePermission.VIEW));

    private final Set<SitePermission> permissions;

    SiteRole(Set<SitePermission> permissions) {
        this.permissions = permissions;
    }

    public boolean allows(SitePermission permission) {
        return permissions.contains(permission);
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SiteRole fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
