package org.gridvault.sites.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.gridvault.sites.AccessibleSite;
import org.gridvault.sites.Site;
import org.gridvault.sites.SiteRole;
import org.jspecify.annotations.Nullable;

/** A site as the API shows it, with the caller's role when known. */
record SiteView(
        UUID id,
        String name,
        String timeZone,
        String region,
        @Nullable String address,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable LocalDate installedOn,
        Instant createdAt,
        @Nullable SiteRole role) {

    static SiteView of(Site site, @Nullable SiteRole role) {
        return new SiteView(
                site.id().value(),
                site.name(),
                site.timeZone().getId(),
                site.region(),
                site.address(),
                site.latitude(),
                site.longitude(),
                site.installedOn(),
                site.createdAt(),
                role);
    }

    static SiteView of(AccessibleSite accessible) {
        return of(accessible.site(), accessible.role());
    }
}
