package org.gridvault.simulator.home;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The day plan of a household's big appliances in local time: kettle in the morning (and sometimes afternoon and
 * evening), microwave at lunch, washing machine on some days (more at weekends), hob and oven around dinner, dishwasher
 * late in the evening. Each day's plan is drawn from the seed and the date alone.
 */
final class Appliances {

    private static final long DAY_PLAN = 21;

    private final Noise noise;
    private final ZoneId zone;

    Appliances(Noise noise, ZoneId zone) {
        this.noise = noise;
        this.zone = zone;
    }

    List<Phase> on(LocalDate date) {
        SplittableRandom random = noise.random(DAY_PLAN, date.toEpochDay());
        var plan = new Plan(date, random);
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;

        if (random.nextDouble() < 0.85) {
            plan.kettle(weekend ? 7.5 : 6.25, 2.5);
        }
        if (random.nextDouble() < 0.4) {
            plan.kettle(15, 2);
        }
        if (random.nextDouble() < 0.5) {
            plan.kettle(19, 3);
        }
        if (random.nextDouble() < (weekend ? 0.5 : 0.2)) {
            plan.at(12, 1.5).run(Duration.ofSeconds(random.nextLong(120, 300)), 1100);
        }
        if (random.nextDouble() < (weekend ? 0.6 : 0.35)) {
            plan.at(8, 11)
                    .run(Duration.ofMinutes(15), 2000)
                    .run(Duration.ofMinutes(50), 250)
                    .run(Duration.ofMinutes(10), 500);
        }
        if (random.nextDouble() < 0.5) {
            plan.at(17.75, 1.75).run(Duration.ofMinutes(random.nextLong(15, 35)), 1500);
        }
        if (random.nextDouble() < 0.45) {
            var oven = plan.at(17, 2.5).run(Duration.ofMinutes(12), 2400);
            for (int cycle = 0; cycle < 6; cycle++) {
                oven.run(Duration.ofMinutes(4), 1800).run(Duration.ofMinutes(3), 0);
            }
        }
        if (random.nextDouble() < 0.5) {
            plan.at(19.5, 2.5)
                    .run(Duration.ofMinutes(20), 1900)
                    .run(Duration.ofMinutes(40), 150)
                    .run(Duration.ofMinutes(15), 1900);
        }
        return List.copyOf(plan.phases);
    }

    /** Collects phases; {@code at(from, spread)} starts an appliance at a random local time in [from, from + spread) h. */
    private final class Plan {

        private final LocalDate date;
        private final SplittableRandom random;
        private final List<Phase> phases = new ArrayList<>();

        Plan(LocalDate date, SplittableRandom random) {
            this.date = date;
            this.random = random;
        }

        void kettle(double fromHour, double spreadHours) {
            at(fromHour, spreadHours)
                    .run(Duration.ofSeconds(random.nextLong(150, 240)), 2000 + 200 * random.nextDouble());
        }

        Sequence at(double fromHour, double spreadHours) {
            long second = (long) ((fromHour + spreadHours * random.nextDouble()) * 3600);
            var start = ZonedDateTime.of(date, LocalTime.ofSecondOfDay(second), zone)
                    .toInstant();
            return new Sequence(start);
        }

        final class Sequence {
            private Instant next;

            Sequence(Instant start) {
                this.next = start;
            }

            Sequence run(Duration length, double watts) {
                if (watts > 0) {
                    phases.add(Phase.of(next, length, watts));
                }
                next = next.plus(length);
                return this;
            }
        }
    }
}
