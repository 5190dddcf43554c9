package org.gridvault.sites;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a grant stands: invitations are pending until accepted; revoked and declined grants give no access. */
public enum GrantStatus {
    PENDING,
    ACTIVE,
    DECLINED,
    REVOKED,
    /** An installer grant past its expiry date. */
    EXPIRED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static GrantStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
