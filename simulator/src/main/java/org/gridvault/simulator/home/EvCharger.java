package org.gridvault.simulator.home;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A wallbox: on some evenings (with this household's odds) a car plugs in between 18:00 and 20:00 local time and
 * charges at the wallbox's rated power until it has taken 10–30 kWh. Each evening is drawn from the seed and the date.
 */
final class EvCharger {

    private static final long EVENING = 41;
    private static final Duration LONGEST_SESSION = Duration.ofHours(6);

    private final Noise noise;
    private final ZoneId zone;
    private final double ratedWatts;
    private final double plugInProbability;
    private final DailyPlans<Optional<ChargingSession>> evenings;

    EvCharger(Noise noise, Location location, double ratedWatts, double plugInProbability) {
        this.noise = noise;
        this.zone = location.zone();
        this.ratedWatts = ratedWatts;
        this.plugInProbability = plugInProbability;
        this.evenings = new DailyPlans<>(this::draw);
    }

    Optional<ChargingSession> sessionOn(LocalDate date) {
        return evenings.on(date);
    }

    double energyWattHours(Instant from, Instant to) {
        double energy = 0;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (var day = LocalDate.ofInstant(from.minus(LONGEST_SESSION), zone);
                !day.isAfter(last);
                day = day.plusDays(1)) {
            energy += sessionOn(day)
                    .map(session -> session.deliveredBy(to) - session.deliveredBy(from))
                    .orElse(0.0);
        }
        return energy;
    }

    private Optional<ChargingSession> draw(LocalDate date) {
        var random = noise.random(EVENING, date.toEpochDay());
        if (random.nextDouble() >= plugInProbability) {
            return Optional.empty();
        }
        var time = LocalTime.ofSecondOfDay(18 * 3600 + random.nextLong(2 * 3600));
        var pluggedIn = ZonedDateTime.of(date, time, zone).toInstant();
        return Optional.of(new ChargingSession(pluggedIn, ratedWatts, random.nextDouble(10_000, 30_000)));
    }
}
