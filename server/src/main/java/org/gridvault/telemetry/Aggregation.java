package org.gridvault.telemetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one device's readings into {@link Bucket}s: readings and gauge statistics of the readings inside each
 * bucket, and energy per bucket from counters ({@link CounterEnergy}) or, where asked, from power ({@link
 * PowerEnergy}). Pure and deterministic: the same readings and boundaries always give the same buckets.
 */
final class Aggregation {

    private Aggregation() {}

    /**
     * @param readings the device's readings, oldest first, including the readings just outside the boundaries that
     *     interpolation needs
     * @param boundaries bucket boundaries in epoch microseconds, strictly ascending
     * @param energyMetrics the counter metrics to compute energy for
     * @param fromPower the metrics among them to integrate from {@link Metric#POWER_W} rather than read from their
     *     counter, with the sign of the power that counts for each (see {@link EnergyFromPower})
     * @param maxPowerGap the longest gap between power readings that still counts, in microseconds
     * @return the buckets that have readings or energy, in order
     */
    static List<Bucket> buckets(
            List<Reading> readings,
            long[] boundaries,
            Set<Metric> energyMetrics,
            Map<Metric, Integer> fromPower,
            long maxPowerGap) {
        int count = boundaries.length - 1;
        var samples = new int[count];
        var times = new long[readings.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = EpochMicros.of(readings.get(i).ts());
            int bucket = EpochMicros.bucketOf(boundaries, times[i]);
            if (bucket >= 0) {
                samples[bucket]++;
            }
        }
        var energy = new ArrayList<EnumMap<Metric, Long>>(count);
        var resets = new ArrayList<EnumSet<Metric>>(count);
        var rollovers = new ArrayList<EnumSet<Metric>>(count);
        for (int j = 0; j < count; j++) {
            energy.add(new EnumMap<>(Metric.class));
            resets.add(EnumSet.noneOf(Metric.class));
            rollovers.add(EnumSet.noneOf(Metric.class));
        }
        for (var metric : energyMetrics) {
            var sign = fromPower.get(metric);
            if (sign != null) {
                var series = Series.of(readings, times, Metric.POWER_W);
                var watts = Arrays.stream(series.values())
                        .map(value -> sign * value)
                        .toArray();
                var power = PowerEnergy.of(series.times(), watts, boundaries, maxPowerGap);
                for (int j = 0; j < count; j++) {
                    if (power.present()[j]) {
                        energy.get(j).put(metric, power.energy()[j]);
                    }
                }
            } else {
                var series = Series.of(readings, times, metric);
                var counter = CounterEnergy.of(series.times(), series.values(), boundaries);
                for (int j = 0; j < count; j++) {
                    if (counter.present()[j]) {
                        energy.get(j).put(metric, counter.energy()[j]);
                    }
                    if (counter.reset()[j]) {
                        resets.get(j).add(metric);
                    }
                    if (counter.rollover()[j]) {
                        rollovers.get(j).add(metric);
                    }
                }
            }
        }
        var gauges = gauges(readings, times, boundaries);
        var buckets = new ArrayList<Bucket>();
        for (int j = 0; j < count; j++) {
            var bucket = new Bucket(
                    EpochMicros.instant(boundaries[j]),
                    samples[j],
                    energy.get(j),
                    resets.get(j),
                    rollovers.get(j),
                    gauges.get(j));
            if (!bucket.isEmpty()) {
                buckets.add(bucket);
            }
        }
        return buckets;
    }

    private static List<EnumMap<Metric, GaugeStats>> gauges(List<Reading> readings, long[] times, long[] boundaries) {
        int count = boundaries.length - 1;
        var result = new ArrayList<EnumMap<Metric, GaugeStats>>(count);
        for (int j = 0; j < count; j++) {
            result.add(new EnumMap<>(Metric.class));
        }
        for (var metric : Metric.values()) {
            if (metric.isCounter()) {
                continue;
            }
            var sum = new double[count];
            var min = new double[count];
            var max = new double[count];
            var n = new int[count];
            for (int i = 0; i < times.length; i++) {
                var reading = readings.get(i);
                int bucket = EpochMicros.bucketOf(boundaries, times[i]);
                if (bucket < 0 || !reading.has(metric)) {
                    continue;
                }
                double value = reading.value(metric);
                min[bucket] = n[bucket] == 0 ? value : Math.min(min[bucket], value);
                max[bucket] = n[bucket] == 0 ? value : Math.max(max[bucket], value);
                sum[bucket] += value;
                n[bucket]++;
            }
            for (int j = 0; j < count; j++) {
                if (n[j] > 0) {
                    result.get(j).put(metric, new GaugeStats(sum[j] / n[j], min[j], max[j]));
                }
            }
        }
        return result;
    }

    /** The readings of one metric, as parallel arrays. */
    private record Series(long[] times, double[] values) {

        static Series of(List<Reading> readings, long[] times, Metric metric) {
            int n = 0;
            for (var reading : readings) {
                if (reading.has(metric)) {
                    n++;
                }
            }
            var seriesTimes = new long[n];
            var values = new double[n];
            int i = 0;
            for (int r = 0; r < readings.size(); r++) {
                if (readings.get(r).has(metric)) {
                    seriesTimes[i] = times[r];
                    values[i] = readings.get(r).value(metric);
                    i++;
                }
            }
            return new Series(seriesTimes, values);
        }
    }
}
