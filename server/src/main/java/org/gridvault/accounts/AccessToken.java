package org.gridvault.accounts;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A personal access token as its owner sees it in a listing: the secret itself is shown only once, at creation.
 */
public record AccessToken(
        UUID id,
        String name,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt) {}
