package org.gridvault.accounts;

import java.util.UUID;
import org.gridvault.privacy.SubjectId;

/** Identifies a person with an account. Other modules keep only this id, never a copy of the person. */
public record PersonId(UUID value) {

    public static PersonId random() {
        return new PersonId(UUID.randomUUID());
    }

    /** The same person as the privacy module knows them: the subject of their personal data. */
    public SubjectId subject() {
        return new SubjectId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
