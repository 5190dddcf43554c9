package org.gridvault.sites;

import java.util.UUID;

/** Identifies a site. */
public record SiteId(UUID value) {

    public static SiteId random() {
        return new SiteId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
