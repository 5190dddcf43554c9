package org.gridvault.sites;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** A site's description. Days and months of its energy data are counted in {@code timeZone}. */
public record Site(
        SiteId id,
        String name,
        ZoneId timeZone,
        String region,
        @Nullable String address,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable LocalDate installedOn,
        Instant createdAt) {}
