package org.gridvault.privacy;

import java.util.UUID;

/** A data-subject request in the register. */
public record PrivacyRequestId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
