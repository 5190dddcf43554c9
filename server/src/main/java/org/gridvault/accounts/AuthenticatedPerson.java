package org.gridvault.accounts;

import java.util.UUID;
import org.gridvault.privacy.SubjectId;
import org.gridvault.privacy.SubjectPrincipal;

/**
 * The person behind the current request, as proven by a session or a personal access token.
 *
 * @param id who is calling
 * @param tokenId the credential used, so that a password change can keep it and revoke the rest
 * @param operator whether this person operates the platform (configured in {@code gridvault.accounts.operators})
 */
public record AuthenticatedPerson(PersonId id, UUID tokenId, boolean operator) implements SubjectPrincipal {

    @Override
    public SubjectId subjectId() {
        return new SubjectId(id.value());
    }
}
