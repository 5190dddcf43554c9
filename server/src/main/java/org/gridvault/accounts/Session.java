package org.gridvault.accounts;

import java.time.Instant;

/** A started log-in session: the bearer token is returned once, to the person who logged in. */
public record Session(PersonId personId, String token, Instant expiresAt) {}
