package org.gridvault.sites;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a person says about a site when creating or changing it. On a change, absent fields stay as they are.
 * Latitude and longitude go together.
 */
public record SiteDetails(
        @Nullable String name,
        @Nullable String timeZone,
        @Nullable String region,
        @Nullable String address,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable LocalDate installedOn) {}
