package org.gridvault.accounts;

import java.util.UUID;

/** Identifies a person with an account. Other modules keep only this id, never a copy of the person. */
public record PersonId(UUID value) {

    public static PersonId random() {
        return new PersonId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
