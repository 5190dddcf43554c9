package org.gridvault.privacy;

import java.util.UUID;

/** The person personal data is about (a data subject), by the id their account has in the accounts module. */
public record SubjectId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
