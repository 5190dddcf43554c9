package org.gridvault.simulator.home;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One simulated home: PV array, household load, battery, EV charger and the grid meter that balances them. Step it
 * with {@link #advanceTo(Instant)}; it integrates power over sub-steps of at most {@link #MAX_STEP}, so any tick length
 * or speed-up gives plausible counters, and the meter balance holds exactly for every sub-step.
 *
 * <p>Deterministic: the same seed, location and sequence of instants always give the same states. The first call
 * also fixes the counters' starting values, as if the home had been installed some years before (the longer ago, the
 * larger), so a later restart tends to continue above where an earlier run stopped; {@link #resume} instead starts
 * from the counters the earlier run reached, where they are known. Not thread-safe.
 */
public final class Home {

    /** The longest stretch integrated at constant power. */
    public static final Duration MAX_STEP = Duration.ofMinutes(1);

    private static final long SETUP = 2;
    private static final long VOLTAGE = 51;
    private static final long FREQUENCY = 52;
    private static final Instant FIRST_INSTALLATIONS = Instant.parse("2021-01-01T00:00:00Z");
    private static final double HOURS_PER_YEAR = 8766;

    private final HomeSpec spec;
    private final Location location;
    private final Noise noise;
    private final PvArray pv;
    private final HouseholdLoad load;
    private final EvCharger ev;
    private @Nullable Battery battery;
    private @Nullable HomeState state;

    private Home(long seed, Location location, Sky sky) {
        this.spec = HomeSpec.generate(seed, location);
        this.location = location;
        this.noise = new Noise(seed);
        this.pv = new PvArray(
                location,
                spec.pvPeakWatts(),
                spec.inverterLimitWatts(),
                spec.pvTiltDegrees(),
                spec.pvAzimuthDegrees(),
                sky);
        this.load = new HouseholdLoad(noise, location, spec.baseLoadWatts());
        this.ev = new EvCharger(noise, location, spec.evChargerWatts(), spec.evPlugInProbability());
    }

    /** A home with weather: clouds drawn from the seed. */
    public static Home create(long seed, Location location) {
        return new Home(seed, location, new Clouds(new Noise(seed), location));
    }

    /** A home under the given sky, for instance {@link Sky#CLEAR} to study the sun alone. */
    public static Home underSky(long seed, Location location, Sky sky) {
        return new Home(seed, location, sky);
    }

    public HomeSpec spec() {
        return spec;
    }

    public Location location() {
        return location;
    }

    /** The state after the last step; empty before the first. */
    public Optional<HomeState> state() {
        return Optional.ofNullable(state);
    }

    /**
     * Moves the home forward to {@code time} and returns its state there.
     *
     * @throws IllegalArgumentException if {@code time} is before the last state's time
     */
    public HomeState advanceTo(Instant time) {
        if (state == null) {
            start(time.minus(MAX_STEP));
        }
        HomeState current = state;
        if (time.isBefore(current.time())) {
            throw new IllegalArgumentException(
                    "Simulated time only moves forward: asked for " + time + " after " + current.time());
        }
        while (current.time().isBefore(time)) {
            Instant next = current.time().plus(MAX_STEP);
            current = step(current, next.isBefore(time) ? next : time);
        }
        state = current;
        return current;
    }

    /**
     * Starts the home at {@code time} from the counters an earlier run of it reached (as stored by the platform it
     * reported to), instead of estimating them from its installation date, so a restart continues exactly where the
     * earlier run stopped. The battery starts at {@code batterySocPercent}. Comes before the first {@link #advanceTo}.
     *
     * @throws IllegalStateException if the home has already moved
     */
    public void resume(Instant time, Counters counters, double batterySocPercent) {
        if (state != null) {
            throw new IllegalStateException("The home has already started at " + state.time());
        }
        // The household's own consumption has no meter: it is what the metered flows leave over.
        double consumed = Math.max(
                0,
                counters.pvProducedWattHours()
                        + counters.gridImportWattHours()
                        + counters.batteryDischargedWattHours()
                        - counters.gridExportWattHours()
                        - counters.batteryChargedWattHours()
                        - counters.evDeliveredWattHours());
        begin(time, counters, consumed, batterySocPercent / 100);
    }

    private void start(Instant time) {
        var setup = noise.random(SETUP, 0);
        Instant installed = FIRST_INSTALLATIONS.plus(Duration.ofDays(setup.nextLong(4 * 365)));
        double years = Math.max(0, Duration.between(installed, time).toHours() / HOURS_PER_YEAR);

        double produced = years * spec.pvPeakWatts() * (location.tropical() ? 1300 : 950);
        double consumed = years * (spec.baseLoadWatts() * HOURS_PER_YEAR * 1.15 + 1_200_000);
        double delivered = years * 365 * spec.evPlugInProbability() * 20_000;
        double charged = years * spec.batteryCapacityWattHours() * 250;
        double discharged = charged * Battery.ROUND_TRIP_EFFICIENCY;
        double exported = 0.45 * produced;
        double imported = exported + consumed + delivered + charged - produced - discharged;
        if (imported < 0) {
            exported -= imported;
            imported = 0;
        }
        begin(
                time,
                new Counters(produced, imported, exported, charged, discharged, delivered),
                consumed,
                setup.nextDouble(0.3, 0.8));
    }

    /** The state before the first step: counters as given, no power flowing yet. */
    private void begin(Instant time, Counters counters, double consumed, double batterySoc) {
        var initial = new Battery(
                spec.batteryCapacityWattHours(),
                spec.batteryMaxWatts(),
                batterySoc,
                counters.batteryChargedWattHours(),
                counters.batteryDischargedWattHours());
        battery = initial;
        state = new HomeState(
                time,
                0,
                0,
                0,
                0,
                0,
                initial.socPercent(),
                counters.pvProducedWattHours(),
                consumed,
                counters.evDeliveredWattHours(),
                counters.batteryChargedWattHours(),
                counters.batteryDischargedWattHours(),
                counters.gridImportWattHours(),
                counters.gridExportWattHours(),
                230,
                50);
    }

    private HomeState step(HomeState from, Instant to) {
        Battery battery = this.battery;
        long nanos = Duration.between(from.time(), to).toNanos();
        double hours = nanos / 3.6e12;
        Instant middle = from.time().plusNanos(nanos / 2);

        double pvEnergy = pv.powerWatts(middle) * hours;
        double loadEnergy = load.energyWattHours(from.time(), to);
        double evEnergy = ev.energyWattHours(from.time(), to);
        double surplus = Math.max(0, (pvEnergy - loadEnergy - evEnergy) / hours);
        double deficit = Math.max(0, (loadEnergy - pvEnergy) / hours);
        double batteryEnergy = battery.dispatch(surplus, deficit, hours);
        double gridEnergy = loadEnergy + evEnergy - pvEnergy - batteryEnergy;
        double gridWatts = gridEnergy / hours;

        double seconds = to.getEpochSecond() + to.getNano() / 1e9;
        double volts = 230 + 2.2 * noise.smooth(VOLTAGE, seconds, 120) - Math.clamp(gridWatts / 1000 * 0.15, -0.8, 0.8);
        double hertz = 50 + 0.045 * noise.smooth(FREQUENCY, seconds, 20);

        return new HomeState(
                to,
                pvEnergy / hours,
                loadEnergy / hours,
                evEnergy / hours,
                batteryEnergy / hours,
                gridWatts,
                battery.socPercent(),
                from.pvProducedWattHours() + pvEnergy,
                from.loadConsumedWattHours() + loadEnergy,
                from.evDeliveredWattHours() + evEnergy,
                battery.chargedWattHours(),
                battery.dischargedWattHours(),
                from.gridImportWattHours() + Math.max(0, gridEnergy),
                from.gridExportWattHours() + Math.max(0, -gridEnergy),
                volts,
                hertz);
    }
}
