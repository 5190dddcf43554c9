package org.gridvault.sites;

import java.time.Instant;
import java.time.ZoneId;

/** A site's time zone changed, so its days and months now begin at other instants. */
public record SiteTimeZoneChanged(SiteId siteId, ZoneId from, ZoneId to, Instant at) {}
