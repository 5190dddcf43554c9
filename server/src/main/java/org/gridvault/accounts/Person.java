package org.gridvault.accounts;

import java.time.Instant;

/** A person's account as others may see it: never includes credentials. */
public record Person(
        PersonId id, String email, String displayName, String language, String timeZone, Instant createdAt) {}
