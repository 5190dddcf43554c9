package org.gridvault.sites;

import java.time.Instant;

/**
 * A site was erased with its owner (P25): modules holding data of the site erase it in the same transaction (the
 * event is published synchronously, before the site's rows go), so the site's erasure is all or nothing.
 */
public record SiteErased(SiteId siteId, Instant at) {}
