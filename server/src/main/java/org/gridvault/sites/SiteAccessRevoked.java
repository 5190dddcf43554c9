package org.gridvault.sites;

import java.time.Instant;
import java.util.UUID;

/** The owner revoked a grant: whoever it named has no access from this moment. */
public record SiteAccessRevoked(SiteId siteId, UUID grantId, SiteRole role, Instant at) {}
