package org.gridvault.sites;

import java.time.Instant;
import java.util.UUID;

/** The owner granted access to a site (an installer organisation) or a viewer accepted an invitation. */
public record SiteShared(SiteId siteId, UUID grantId, SiteRole role, Instant at) {}
