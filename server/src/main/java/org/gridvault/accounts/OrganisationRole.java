package org.gridvault.accounts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A member's role in an organisation: admins manage members, members act for the organisation. */
public enum OrganisationRole {
    ADMIN,
    MEMBER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OrganisationRole fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
