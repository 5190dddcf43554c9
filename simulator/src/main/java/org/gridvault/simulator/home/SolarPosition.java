package org.gridvault.simulator.home;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Where the sun stands in the sky seen from a place at an instant: elevation above the horizon and azimuth clockwise
 * from north, both in degrees. Uses NOAA's low-precision formulas (Spencer's Fourier series for declination and the
 * equation of time), accurate to a fraction of a degree, which is plenty for PV output.
 */
public record SolarPosition(double elevationDegrees, double azimuthDegrees) {

    public static SolarPosition at(Instant time, double latitude, double longitude) {
        var utc = time.atOffset(ZoneOffset.UTC);
        double hour = utc.getHour() + utc.getMinute() / 60.0 + (utc.getSecond() + utc.getNano() / 1e9) / 3600.0;
        double gamma = 2 * Math.PI / 365 * (utc.getDayOfYear() - 1 + (hour - 12) / 24);
        double equationOfTimeMinutes = 229.18
                * (0.000075
                        + 0.001868 * Math.cos(gamma)
                        - 0.032077 * Math.sin(gamma)
                        - 0.014615 * Math.cos(2 * gamma)
                        - 0.040849 * Math.sin(2 * gamma));
        double declination = 0.006918
                - 0.399912 * Math.cos(gamma)
                + 0.070257 * Math.sin(gamma)
                - 0.006758 * Math.cos(2 * gamma)
                + 0.000907 * Math.sin(2 * gamma)
                - 0.002697 * Math.cos(3 * gamma)
                + 0.00148 * Math.sin(3 * gamma);
        double trueSolarMinutes = hour * 60 + equationOfTimeMinutes + 4 * longitude;
        double hourAngle = Math.toRadians(trueSolarMinutes / 4 - 180);
        double phi = Math.toRadians(latitude);

        double sinElevation =
                Math.sin(phi) * Math.sin(declination) + Math.cos(phi) * Math.cos(declination) * Math.cos(hourAngle);
        double elevation = Math.asin(Math.clamp(sinElevation, -1.0, 1.0));
        double cosAzimuth = (Math.sin(declination) - Math.sin(elevation) * Math.sin(phi))
                / Math.max(1e-9, Math.cos(elevation) * Math.cos(phi));
        double azimuth = Math.toDegrees(Math.acos(Math.clamp(cosAzimuth, -1.0, 1.0)));
        if (Math.sin(hourAngle) > 0) {
            azimuth = 360 - azimuth;
        }
        return new SolarPosition(Math.toDegrees(elevation), azimuth);
    }

    public boolean aboveHorizon() {
        return elevationDegrees > 0;
    }
}
