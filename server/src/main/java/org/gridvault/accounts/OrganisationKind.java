package org.gridvault.accounts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an organisation does: installs and services sites, or operates a fleet of vehicles and chargers. */
public enum OrganisationKind {
    INSTALLER,
    FLEET;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OrganisationKind fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
