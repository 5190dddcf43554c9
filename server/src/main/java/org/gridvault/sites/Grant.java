package org.gridvault.sites;

import java.time.Instant;
import java.util.UUID;
import org.gridvault.accounts.OrganisationId;
import org.gridvault.accounts.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * Access to a site given to a person (owner, viewer) or an installer organisation. An installer grant may expire;
 * the owner may revoke any grant but their own.
 */
public record Grant(
        UUID id,
        SiteId siteId,
        SiteRole role,
        GrantStatus status,
        @Nullable PersonId personId,
        @Nullable OrganisationId organisationId,
        @Nullable String inviteeEmail,
        @Nullable Instant expiresAt,
        Instant createdAt,
        @Nullable Instant acceptedAt,
        @Nullable Instant endedAt) {

    /** The status as of {@code now}: an active grant past its expiry reads as expired. */
    public GrantStatus statusAt(Instant now) {
        return status == GrantStatus.ACTIVE && expiresAt != null && !expiresAt.isAfter(now)
                ? GrantStatus.EXPIRED
                : status;
    }

    /** Whether the grant gives access at {@code now}. */
    public boolean isEffective(Instant now) {
        return status == GrantStatus.ACTIVE && (expiresAt == null || expiresAt.isAfter(now));
    }
}
