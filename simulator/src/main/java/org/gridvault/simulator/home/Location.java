package org.gridvault.simulator.home;

import java.time.ZoneId;

/**
 * Where a home stands: latitude and longitude in degrees (north and east positive) fix the sun's path; the IANA time
 * zone fixes when people get up, cook and plug in their car.
 */
public record Location(double latitude, double longitude, ZoneId zone) {

    public Location {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("Latitude must be within [-90, 90] degrees, was " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("Longitude must be within [-180, 180] degrees, was " + longitude);
        }
    }

    public static Location of(double latitude, double longitude, String zone) {
        return new Location(latitude, longitude, ZoneId.of(zone));
    }

    boolean tropical() {
        return Math.abs(latitude) < 23.5;
    }
}
