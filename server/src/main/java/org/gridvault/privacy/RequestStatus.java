package org.gridvault.privacy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * Where a data-subject request stands: {@code scheduled} (takes effect later, such as a cancellation in its grace
 * period), {@code open} (being handled), {@code completed}, or {@code withdrawn} by the person.
 */
public enum RequestStatus {
    SCHEDULED("scheduled"),
    OPEN("open"),
    COMPLETED("completed"),
    WITHDRAWN("withdrawn");

    private final String wireName;

    RequestStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Whether the request still has to be answered. */
    public boolean pending() {
        return this == SCHEDULED || this == OPEN;
    }

    static RequestStatus byWireName(String name) {
        return Arrays.stream(values())
                .filter(status -> status.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown request status " + name));
    }
}
