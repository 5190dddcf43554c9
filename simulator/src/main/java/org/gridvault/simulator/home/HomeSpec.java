package org.gridvault.simulator.home;

/**
 * The equipment and habits of one home, drawn from its seed: a 3–10 kWp PV array facing roughly towards the equator, a
 * 5–15 kWh battery of 3–5 kW, a 7–11 kW wallbox used on 25–55 % of evenings, and a base load of 150–400 W.
 */
public record HomeSpec(
        double pvPeakWatts,
        double inverterLimitWatts,
        double pvTiltDegrees,
        double pvAzimuthDegrees,
        double baseLoadWatts,
        double batteryCapacityWattHours,
        double batteryMaxWatts,
        double evChargerWatts,
        double evPlugInProbability) {

    private static final long SPEC = 1;

    public static HomeSpec generate(long seed, Location location) {
        var random = new Noise(seed).random(SPEC, 0);
        double peak = Math.round(random.nextDouble(3_000, 10_000) / 100) * 100.0;
        double equator = location.latitude() >= 0 ? 180 : 0;
        double tilt = location.tropical() ? random.nextDouble(5, 15) : random.nextDouble(20, 40);
        return new HomeSpec(
                peak,
                peak * random.nextDouble(0.85, 1.0),
                tilt,
                (equator + random.nextDouble(-45, 45) + 360) % 360,
                random.nextDouble(150, 400),
                Math.round(random.nextDouble(5, 15) * 2) / 2.0 * 1000,
                Math.round(random.nextDouble(3, 5) * 2) / 2.0 * 1000,
                random.nextDouble(7_000, 11_000),
                random.nextDouble(0.25, 0.55));
    }
}
