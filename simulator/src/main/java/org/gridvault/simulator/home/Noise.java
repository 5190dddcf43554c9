package org.gridvault.simulator.home;

import java.util.SplittableRandom;

/**
 * Pseudo-random numbers addressed by (seed, stream, index): the same address always yields the same number. The model
 * draws its randomness from addresses such as "appliances on day 20412" or "cloud knot 73", so what a home does at a
 * given instant does not depend on how simulated time was stepped to get there.
 */
record Noise(long seed) {

    /** A uniform number in [0, 1). */
    double uniform(long stream, long index) {
        return (hash(stream, index) >>> 11) * 0x1.0p-53;
    }

    /** A generator for drawing several numbers belonging to one address (for example all events of one day). */
    SplittableRandom random(long stream, long index) {
        return new SplittableRandom(hash(stream, index));
    }

    /**
     * Smooth value noise in [-1, 1]: random values at knots {@code period} seconds apart, joined by cosine
     * interpolation, so the value drifts without jumps.
     */
    double smooth(long stream, double epochSeconds, double period) {
        double position = epochSeconds / period;
        long knot = (long) Math.floor(position);
        double fraction = position - knot;
        double from = uniform(stream, knot) * 2 - 1;
        double to = uniform(stream, knot + 1) * 2 - 1;
        double weight = (1 - Math.cos(Math.PI * fraction)) / 2;
        return from + (to - from) * weight;
    }

    private long hash(long stream, long index) {
        return mix(mix(mix(seed) + stream) + index);
    }

    /** SplitMix64's finaliser: a bijection that scatters nearby inputs. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
