package org.gridvault.simulator.home;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything in the house that draws power, except the EV charger: a base load (standby, lights, router; higher in
 * the morning and evening, with slow noise), a fridge compressor cycling on and off, and the appliance events of
 * {@link Appliances}. Answers energy over an interval, so the meter balance needs no sampling of short events.
 */
final class HouseholdLoad {

    private static final long BASE_NOISE = 31;
    private static final Duration LONGEST_EVENT = Duration.ofHours(3);

    private final Noise noise;
    private final ZoneId zone;
    private final double baseWatts;
    private final double fridgeWatts;
    private final double fridgeCycleSeconds;
    private final double fridgeOnSeconds;
    private final double fridgePhaseSeconds;
    private final DailyPlans<List<Phase>> appliances;

    HouseholdLoad(Noise noise, Location location, double baseWatts) {
        this.noise = noise;
        this.zone = location.zone();
        this.baseWatts = baseWatts;
        var fridge = noise.random(32, 0);
        this.fridgeWatts = fridge.nextDouble(70, 120);
        this.fridgeCycleSeconds = fridge.nextDouble(35, 55) * 60;
        this.fridgeOnSeconds = fridgeCycleSeconds * fridge.nextDouble(0.3, 0.45);
        this.fridgePhaseSeconds = fridge.nextDouble(fridgeCycleSeconds);
        this.appliances = new DailyPlans<>(new Appliances(noise, zone)::on);
    }

    /** Energy drawn over [from, to]; smooth parts sampled at the midpoint, appliance events exactly. */
    double energyWattHours(Instant from, Instant to) {
        long nanos = Duration.between(from, to).toNanos();
        Instant middle = from.plusNanos(nanos / 2);
        double smooth = (baseWatts(middle) + fridgeWatts(middle)) * nanos / 3.6e12;
        double events = 0;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (var day = LocalDate.ofInstant(from.minus(LONGEST_EVENT), zone);
                !day.isAfter(last);
                day = day.plusDays(1)) {
            for (Phase phase : appliances.on(day)) {
                events += phase.energyWattHours(from, to);
            }
        }
        return smooth + events;
    }

    private double baseWatts(Instant time) {
        double seconds = time.getEpochSecond() + time.getNano() / 1e9;
        double hour = zone.getRules().getOffset(time).getTotalSeconds() / 3600.0 + seconds / 3600.0;
        hour = ((hour % 24) + 24) % 24;
        double shape = 0.85 + 0.5 * bump(hour, 7.5, 1.2) + 0.25 * bump(hour, 13, 2) + 0.9 * bump(hour, 20, 2);
        return baseWatts * shape * (1 + 0.12 * noise.smooth(BASE_NOISE, seconds, 600));
    }

    private double fridgeWatts(Instant time) {
        double position = (time.getEpochSecond() + fridgePhaseSeconds) % fridgeCycleSeconds;
        return position < fridgeOnSeconds ? fridgeWatts : 0;
    }

    /** A Gaussian bump around {@code centre} o'clock that wraps around midnight. */
    private static double bump(double hour, double centre, double width) {
        double distance = ((hour - centre + 36) % 24) - 12;
        return Math.exp(-0.5 * (distance / width) * (distance / width));
    }
}
