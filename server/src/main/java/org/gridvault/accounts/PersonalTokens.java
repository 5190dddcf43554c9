package org.gridvault.accounts;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.gridvault.privacy.AuditEntry;
import org.gridvault.privacy.AuditLog;
import org.gridvault.privacy.WithoutDisclosure;
import org.gridvault.problems.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: named, long-lived bearer tokens for scripts, shown once at creation and revocable.
 * They act with the full rights of their owner.
 */
@WithoutDisclosure("Manages the caller's own access tokens")
@Service
public class PersonalTokens {

    static final String PREFIX = "gv_pat_";
    /** PostgreSQL's timestamps end with the year 9999. */
    private static final java.time.Instant LATEST_EXPIRY = java.time.Instant.parse("9999-12-31T23:59:59Z");

    private final AccessTokens tokens;
    private final AuditLog audit;
    private final Clock clock;

    PersonalTokens(AccessTokens tokens, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public NewAccessToken create(PersonId owner, String name, java.time.@Nullable Instant expiresAt) {
        var now = clock.instant();
        var trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw ApiProblem.unprocessable("accounts:token.name-invalid", "Name the token with 1 to 100 characters.")
                    .with("field", "name");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ApiProblem.unprocessable(
                            "accounts:token.expiry-past", "Set expiresAt in the future, or leave it out for no expiry.")
                    .with("field", "expiresAt");
        }
        if (expiresAt != null && expiresAt.isAfter(LATEST_EXPIRY)) {
            throw ApiProblem.unprocessable(
                            "accounts:token.expiry-too-late",
                            "Set expiresAt before the year 10000, or leave it out for no expiry.")
                    .with("field", "expiresAt");
        }
        if (tokens.hasActivePersonalToken(owner, trimmed, now)) {
            throw ApiProblem.conflict(
                            "accounts:token.name-taken",
                            "You already have an active token named '%s'. Choose another name or revoke that one."
                                    .formatted(trimmed))
                    .with("field", "name");
        }
        var secret = OpaqueSecret.generate(PREFIX);
        var id = tokens.insert(owner, AccessTokens.Kind.personal, trimmed, secret.hash(), now, expiresAt);
        audit.record(AuditEntry.byPerson(owner.subject(), "accounts.token.created")
                .about(owner.subject())
                .on("token", id));
        return new NewAccessToken(id, trimmed, secret.value(), now, expiresAt);
    }

    public List<AccessToken> list(PersonId owner) {
        return tokens.activePersonalTokens(owner, clock.instant());
    }

    @Transactional
    public void revoke(PersonId owner, UUID tokenId) {
        if (!tokens.revoke(owner, tokenId, AccessTokens.Kind.personal, clock.instant())) {
            throw ApiProblem.notFound(
                    "accounts:token.not-found",
                    "You have no active access token " + tokenId + ". List yours with GET /api/v1/me/tokens.");
        }
        audit.record(AuditEntry.byPerson(owner.subject(), "accounts.token.revoked")
                .about(owner.subject())
                .on("token", tokenId));
    }
}
