package org.gridvault.simulator.home;

import java.time.Instant;

/**
 * A rooftop PV system: {@code peakWatts} of modules tilted and oriented as given, behind an inverter that clips at
 * {@code inverterLimitWatts}. AC output is plane-of-array irradiance times the sky's clear-sky index, less 13 % for
 * heat, wiring and soiling and 3 % inverter loss; below 10 W the inverter sleeps.
 */
public record PvArray(
        Location location,
        double peakWatts,
        double inverterLimitWatts,
        double tiltDegrees,
        double azimuthDegrees,
        Sky sky) {

    private static final double SYSTEM_EFFICIENCY = 0.87 * 0.97;

    public double powerWatts(Instant time) {
        var sun = SolarPosition.at(time, location.latitude(), location.longitude());
        if (!sun.aboveHorizon()) {
            return 0;
        }
        double onPlane = Irradiance.clearSky(sun).onPlane(sun, tiltDegrees, azimuthDegrees) * sky.clearSkyIndex(time);
        double watts = Math.min(inverterLimitWatts, peakWatts * onPlane / 1000 * SYSTEM_EFFICIENCY);
        return watts < 10 ? 0 : watts;
    }
}
