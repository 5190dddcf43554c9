package org.gridvault.accounts;

import java.util.UUID;

/** Identifies an installer or fleet organisation. */
public record OrganisationId(UUID value) {

    public static OrganisationId random() {
        return new OrganisationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
