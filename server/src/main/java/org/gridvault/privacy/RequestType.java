package org.gridvault.privacy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of data-subject request the register keeps. */
public enum RequestType {
    ACCESS("access"),
    PORTABILITY("portability"),
    RECTIFICATION("rectification"),
    ERASURE("erasure"),
    RESTRICTION("restriction"),
    OBJECTION("objection"),
    CANCELLATION("cancellation");

    private final String wireName;

    RequestType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<RequestType> byWireName(String name) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(name))
                .findFirst();
    }
}
