package org.gridvault.telemetry;

/**
 * Energy per bucket from the readings of one cumulative counter.
 *
 * <p>Between two consecutive readings the energy of that {@link CounterStep step} is spread evenly over time: the
 * counter is interpolated linearly at each bucket boundary. Boundary values are rounded to whole Wh <em>in the
 * device's own frame</em> (the counter value itself, so that a computation starting anywhere rounds the same
 * boundary the same way), and a bucket's energy is the rounded value at its end minus the one at its start, summed
 * over the steps it overlaps. Within a step the sum telescopes: the energies of any finer buckets add up exactly to
 * the energy of the coarser bucket they split, in integers. Across a reset the frame restarts at zero, which is the
 * same as a normalised counter that grows by whole Wh offsets, so the telescoping holds there too.
 *
 * <p>Before the first and after the last reading nothing is extrapolated. A bucket has energy (possibly 0) when a
 * step overlaps it or a reading falls into it; otherwise the device has no such counter there.
 */
final class CounterEnergy {

    /** Per bucket: energy in Wh, whether the counter is present at all, and whether it reset or rolled over. */
    record Buckets(long[] energy, boolean[] present, boolean[] reset, boolean[] rollover) {

        static Buckets empty(int count) {
            return new Buckets(new long[count], new boolean[count], new boolean[count], new boolean[count]);
        }
    }

    private CounterEnergy() {}

    /**
     * @param times reading times in epoch microseconds, strictly ascending
     * @param values the counter values at those times
     * @param boundaries bucket boundaries in epoch microseconds, strictly ascending (n + 1 of them for n buckets)
     */
    static Buckets of(long[] times, double[] values, long[] boundaries) {
        var buckets = Buckets.empty(Math.max(0, boundaries.length - 1));
        for (int i = 0; i < times.length; i++) {
            int bucket = EpochMicros.bucketOf(boundaries, times[i]);
            if (bucket >= 0) {
                buckets.present()[bucket] = true;
            }
        }
        int first = 0;
        for (int k = 0; k + 1 < times.length; k++) {
            long t0 = times[k];
            long t1 = times[k + 1];
            var step = CounterStep.between(values[k], values[k + 1]);
            flag(buckets, boundaries, t1, step.kind());
            while (first + 1 < boundaries.length && boundaries[first + 1] <= t0) {
                first++;
            }
            for (int j = first; j + 1 < boundaries.length && boundaries[j] < t1; j++) {
                long low = Math.max(boundaries[j], t0);
                long high = Math.min(boundaries[j + 1], t1);
                if (high > low) {
                    buckets.energy()[j] += Math.round(frameValue(step, values[k + 1], t0, t1, high))
                            - Math.round(frameValue(step, values[k + 1], t0, t1, low));
                    buckets.present()[j] = true;
                }
            }
        }
        return buckets;
    }

    /** The counter at {@code t} between two readings, in the frame of the later reading's value. */
    private static double frameValue(CounterStep step, double end, long t0, long t1, long t) {
        if (t <= t0) {
            return step.frameStart();
        }
        if (t >= t1) {
            return end;
        }
        return step.frameStart() + step.energy() * ((double) (t - t0) / (double) (t1 - t0));
    }

    private static void flag(Buckets buckets, long[] boundaries, long t, CounterStep.Kind kind) {
        int bucket = EpochMicros.bucketOf(boundaries, t);
        if (bucket < 0) {
            return;
        }
        switch (kind) {
            case RESET -> buckets.reset()[bucket] = true;
            case ROLLOVER -> buckets.rollover()[bucket] = true;
            default -> {}
        }
    }
}
