package org.gridvault.sites;

/** Something a person may want to do on a site; {@link SiteRole} says who may. */
public enum SitePermission {
    VIEW("see this site"),
    MANAGE_DEVICES("register or decommission devices of this site"),
    EDIT("change this site"),
    SHARE("share this site or see who it is shared with");

    private final String description;

    SitePermission(String description) {
        this.description = description;
    }

    /** For messages: "Only the owner may {description}." */
    public String description() {
        return description;
    }
}
