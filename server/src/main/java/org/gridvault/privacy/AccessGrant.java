package org.gridvault.privacy;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The grant a caller relies on when one person reads another's data for the service: a site grant (installer or
 * viewer) or an organisation membership. The decision point checks it is still in force.
 *
 * @param kind {@code installer}, {@code viewer} or {@code organisation}
 * @param reference the grant or organisation id, recorded as the basis of the disclosure
 * @param organisationId the organisation the recipient acted for, if any
 */
public record AccessGrant(
        String kind,
        String reference,
        @Nullable Instant expiresAt,
        @Nullable UUID organisationId) {}
