package org.gridvault.telemetry;

import java.util.Arrays;

/**
 * Energy per bucket integrated from power readings, for devices that measure power but count no energy.
 *
 * <p>Each pair of consecutive readings no further apart than the gap limit contributes the area under the straight
 * line between them (the trapezoid {@code (p0 + p1) / 2 * duration}), counting only power above zero (the caller
 * flips the sign to integrate the negative part), spread evenly over its duration. A longer gap contributes nothing:
 * the device was probably off line, and guessing would invent energy. The result is a virtual counter that starts
 * from zero at every full UTC hour; its value is rounded to whole Wh at each bucket boundary and a bucket's energy is
 * the difference, so finer buckets add up exactly to the coarser ones they split, and rounding costs at most half a
 * Wh per hour. Restarting every hour keeps a recomputation local: it never needs readings from before the hour.
 */
final class PowerEnergy {

    /** Per bucket: energy in Wh, and whether power was measured there at all. */
    record Buckets(long[] energy, boolean[] present) {}

    private PowerEnergy() {}

    /**
     * @param times reading times in epoch microseconds, strictly ascending
     * @param watts the power at those times
     * @param boundaries bucket boundaries in epoch microseconds, strictly ascending
     * @param maxGap the longest time between two readings that still counts, in microseconds
     */
    static Buckets of(long[] times, double[] watts, long[] boundaries, long maxGap) {
        int count = Math.max(0, boundaries.length - 1);
        var buckets = new Buckets(new long[count], new boolean[count]);
        if (count == 0) {
            return buckets;
        }
        for (long t : times) {
            int bucket = EpochMicros.bucketOf(boundaries, t);
            if (bucket >= 0) {
                buckets.present()[bucket] = true;
            }
        }
        var points = points(boundaries);
        double cumulative = 0;
        int segment = 0;
        for (int i = 0; i + 1 < points.length; i++) {
            long from = points[i];
            long to = points[i + 1];
            if (from % EpochMicros.HOUR == 0) {
                cumulative = 0;
            }
            while (segment + 1 < times.length && times[segment + 1] <= from) {
                segment++;
            }
            double energy = 0;
            boolean measured = false;
            for (int k = segment; k + 1 < times.length && times[k] < to; k++) {
                long t0 = times[k];
                long t1 = times[k + 1];
                long overlap = Math.min(to, t1) - Math.max(from, t0);
                if (overlap > 0 && t1 - t0 <= maxGap) {
                    double trapezoid = (Math.max(0, watts[k]) + Math.max(0, watts[k + 1]))
                            / 2
                            * ((double) (t1 - t0) / EpochMicros.HOUR);
                    energy += trapezoid * ((double) overlap / (double) (t1 - t0));
                    measured = true;
                }
            }
            double next = cumulative + energy;
            int bucket = EpochMicros.bucketOf(boundaries, from);
            if (bucket >= 0) {
                buckets.energy()[bucket] += Math.round(next) - Math.round(cumulative);
                buckets.present()[bucket] |= measured;
            }
            cumulative = next;
        }
        return buckets;
    }

    /** The mean of the positive part of a straight line from p0 to p1 (in W, over a duration of 1). */
    static double positiveArea(double p0, double p1) {
        if (p0 >= 0 && p1 >= 0) {
            return (p0 + p1) / 2;
        }
        if (p0 <= 0 && p1 <= 0) {
            return 0;
        }
        double positive = Math.max(p0, p1);
        return positive * positive / (2 * Math.abs(p1 - p0));
    }

    /** The boundaries and every full hour between them, from the start of the first boundary's hour. */
    private static long[] points(long[] boundaries) {
        long first = EpochMicros.floor(boundaries[0], EpochMicros.HOUR);
        long last = boundaries[boundaries.length - 1];
        int hours = (int) ((last - first) / EpochMicros.HOUR) + 1;
        var points = new long[boundaries.length + hours];
        System.arraycopy(boundaries, 0, points, 0, boundaries.length);
        for (int h = 0; h < hours; h++) {
            points[boundaries.length + h] = Math.min(first + h * EpochMicros.HOUR, last);
        }
        Arrays.sort(points);
        return Arrays.stream(points).distinct().toArray();
    }
}
