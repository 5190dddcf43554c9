package org.gridvault.accounts;

import java.time.Instant;

/** A member of an organisation, as the other members see them. */
public record Member(PersonId personId, String displayName, String email, OrganisationRole role, Instant joinedAt) {}
