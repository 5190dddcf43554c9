package org.gridvault.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.gridvault.devices.DeviceId;

/**
 * Generated device histories for the energy properties: readings at irregular intervals (seconds, minutes, and now
 * and then hours apart) with counters that grow, reset, jitter and roll over, and power that comes and goes.
 */
final class DeviceHistories {

    static final DeviceId DEVICE = DeviceId.random();
    static final double UINT32 = 4_294_967_296d;

    /**
     * One step of a history.
     *
     * @param gapSeconds time since the previous reading
     * @param increment how much the counters grow
     * @param event 0-89 normal, 90-94 the counters reset, 95-99 they go down by less than a Wh
     * @param carries which metrics the reading carries: bit 0 import, 1 export, 2 power, 3 voltage
     * @param watts the power reported
     */
    record Step(int gapSeconds, double increment, int event, int carries, double watts) {}

    private DeviceHistories() {}

    static Arbitrary<Step> steps() {
        var gaps = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(1, 60)),
                Tuple.of(3, Arbitraries.integers().between(60, 1_800)),
                Tuple.of(1, Arbitraries.integers().between(1_800, 6 * 3_600)));
        return Combinators.combine(
                        gaps,
                        Arbitraries.doubles().between(0, 2_000).ofScale(2),
                        Arbitraries.integers().between(0, 99),
                        Arbitraries.integers().between(0, 15),
                        Arbitraries.doubles().between(-3_000, 5_000).ofScale(1))
                .as(Step::new);
    }

    static Arbitrary<List<Step>> histories() {
        return steps().list().ofMinSize(1).ofMaxSize(40);
    }

    /** Readings of a meter with import and export counters (each carried by some readings), power and voltage. */
    static List<Reading> meter(Instant start, List<Step> steps, boolean nearRollover) {
        var readings = new ArrayList<Reading>();
        var t = start;
        double imported = nearRollover ? UINT32 - 5_000 : 1_000_000.25;
        double exported = 20_000;
        for (var step : steps) {
            t = t.plusSeconds(step.gapSeconds());
            imported = next(imported, step);
            exported = next(exported, new Step(0, step.increment() / 3, step.event(), 0, 0));
            var values = new EnumMap<Metric, Double>(Metric.class);
            if ((step.carries() & 1) != 0 || readings.isEmpty()) {
                values.put(Metric.ENERGY_IMPORT_WH, imported);
            }
            if ((step.carries() & 2) != 0) {
                values.put(Metric.ENERGY_EXPORT_WH, exported);
            }
            if ((step.carries() & 4) != 0) {
                values.put(Metric.POWER_W, step.watts());
            }
            if ((step.carries() & 8) != 0) {
                values.put(Metric.VOLTAGE_V, 230 + step.watts() / 1_000);
            }
            readings.add(Reading.of(DEVICE, t, values));
        }
        return readings;
    }

    /** Readings of a device that measures power only (positive and, now and then, negative). */
    static List<Reading> plug(Instant start, List<Step> steps) {
        var readings = new ArrayList<Reading>();
        var t = start;
        for (var step : steps) {
            t = t.plusSeconds(step.gapSeconds());
            var values = new EnumMap<Metric, Double>(Metric.class);
            values.put(Metric.POWER_W, step.watts());
            if ((step.carries() & 8) != 0) {
                values.put(Metric.VOLTAGE_V, 230.0);
            }
            readings.add(Reading.of(DEVICE, t, values));
        }
        return readings;
    }

    private static double next(double value, Step step) {
        if (step.event() >= 95) {
            return Math.max(0, value - 0.5);
        }
        if (step.event() >= 90) {
            return step.increment() % 50;
        }
        var grown = value + step.increment();
        return grown >= UINT32 ? grown - UINT32 : grown;
    }
}
