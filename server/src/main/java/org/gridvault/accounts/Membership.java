package org.gridvault.accounts;

/** A person's place in an organisation. */
public record Membership(Organisation organisation, OrganisationRole role) {}
