package org.gridvault.accounts;

import java.time.Instant;

/** An installer or fleet organisation. */
public record Organisation(OrganisationId id, String name, OrganisationKind kind, Instant createdAt) {}
