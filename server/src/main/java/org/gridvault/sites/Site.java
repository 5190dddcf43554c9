package org.gridvault.sites;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.gridvault.accounts.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * A site's description. Days and months of its energy data are counted in {@code timeZone}. {@code owner} is the
 * person whose data it is (and whose key encrypts its address and location).
 */
public record Site(
        SiteId id,
        PersonId owner,
        String name,
        ZoneId timeZone,
        String region,
        @Nullable String address,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable LocalDate installedOn,
        Instant createdAt) {}
