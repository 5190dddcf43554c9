package org.gridvault.accounts;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A personal access token just created: the only time its secret {@code token} is ever shown. */
public record NewAccessToken(
        UUID id,
        String name,
        String token,
        Instant createdAt,
        @Nullable Instant expiresAt) {}
