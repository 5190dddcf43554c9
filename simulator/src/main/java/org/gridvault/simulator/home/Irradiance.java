package org.gridvault.simulator.home;

/**
 * Sunlight in W/m²: direct normal (beam), diffuse horizontal and global horizontal. {@link #clearSky} gives a cloudless
 * sky: beam after Meinel's air-mass attenuation ({@code 1353 · 0.7^(AM^0.678)}, Kasten–Young air mass) plus a diffuse
 * share of the beam, so low winter sun yields little.
 */
public record Irradiance(double directNormal, double diffuseHorizontal, double globalHorizontal) {

    private static final Irradiance DARK = new Irradiance(0, 0, 0);

    public static Irradiance clearSky(SolarPosition sun) {
        if (!sun.aboveHorizon()) {
            return DARK;
        }
        double elevation = sun.elevationDegrees();
        double zenith = 90 - elevation;
        double airMass = 1 / (Math.cos(Math.toRadians(zenith)) + 0.50572 * Math.pow(96.07995 - zenith, -1.6364));
        double direct = 1353 * Math.pow(0.7, Math.pow(airMass, 0.678));
        double sinElevation = Math.sin(Math.toRadians(elevation));
        double diffuse = 0.1 * direct * Math.pow(sinElevation, 0.3);
        return new Irradiance(direct, diffuse, direct * sinElevation + diffuse);
    }

    /**
     * Sunlight on a plane tilted {@code tiltDegrees} from horizontal and facing {@code azimuthDegrees} (clockwise from
     * north): beam by the angle of incidence, isotropic sky diffuse, and ground reflection with albedo 0.2.
     */
    public double onPlane(SolarPosition sun, double tiltDegrees, double azimuthDegrees) {
        if (!sun.aboveHorizon()) {
            return 0;
        }
        double elevation = Math.toRadians(sun.elevationDegrees());
        double tilt = Math.toRadians(tiltDegrees);
        double cosIncidence = Math.sin(elevation) * Math.cos(tilt)
                + Math.cos(elevation)
                        * Math.sin(tilt)
                        * Math.cos(Math.toRadians(sun.azimuthDegrees() - azimuthDegrees));
        double beam = directNormal * Math.max(0, cosIncidence);
        double sky = diffuseHorizontal * (1 + Math.cos(tilt)) / 2;
        double ground = globalHorizontal * 0.2 * (1 - Math.cos(tilt)) / 2;
        return beam + sky + ground;
    }
}
