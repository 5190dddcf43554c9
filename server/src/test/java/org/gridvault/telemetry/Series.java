package org.gridvault.telemetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** One metric of generated readings as arrays, and bucket boundaries around them, for the energy properties. */
record Series(long[] times, double[] values) {

    static Series of(List<Reading> readings, Metric metric) {
        var carrying = readings.stream().filter(reading -> reading.has(metric)).toList();
        return new Series(
                carrying.stream()
                        .mapToLong(reading -> EpochMicros.of(reading.ts()))
                        .toArray(),
                carrying.stream().mapToDouble(reading -> reading.value(metric)).toArray());
    }

    /** Boundaries every {@code minutes} from the hour before the first reading to past the last one. */
    static long[] every(Series series, int minutes) {
        long width = minutes * EpochMicros.MINUTE;
        long first = series.times().length == 0
                ? 0
                : EpochMicros.floor(series.times()[0], EpochMicros.HOUR) - EpochMicros.HOUR;
        long last = series.times().length == 0 ? EpochMicros.HOUR : series.times()[series.times().length - 1];
        var boundaries = new ArrayList<Long>();
        for (long b = first; b <= last + EpochMicros.HOUR; b += width) {
            boundaries.add(b);
        }
        return boundaries.stream().mapToLong(Long::longValue).toArray();
    }

    /** A random coarsening: some of the boundaries, always the first and the last. */
    static long[] subset(long[] boundaries, long seed) {
        var random = new Random(seed);
        return java.util.stream.IntStream.range(0, boundaries.length)
                .filter(i -> i == 0 || i == boundaries.length - 1 || random.nextInt(4) == 0)
                .mapToLong(i -> boundaries[i])
                .toArray();
    }

    /** Sums fine bucket values into the coarse buckets that contain them. */
    static long[] sums(long[] fineValues, long[] fine, long[] coarse) {
        var sums = new long[coarse.length - 1];
        for (int i = 0; i < fineValues.length; i++) {
            sums[EpochMicros.bucketOf(coarse, fine[i])] += fineValues[i];
        }
        return sums;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Series series
                && Arrays.equals(times, series.times)
                && Arrays.equals(values, series.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(times) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Series" + Arrays.toString(times) + Arrays.toString(values);
    }
}
