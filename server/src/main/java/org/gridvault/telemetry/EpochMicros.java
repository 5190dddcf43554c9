package org.gridvault.telemetry;

import java.time.Instant;

/**
 * Instants as microseconds since the epoch, the resolution of {@code timestamptz}: the energy maths works on longs,
 * so that bucket boundaries and reading times compare exactly.
 */
final class EpochMicros {

    static final long SECOND = 1_000_000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;

    private EpochMicros() {}

    static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), SECOND), instant.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, SECOND), Math.floorMod(micros, SECOND) * 1_000);
    }

    /** The start of the {@code width}-long bucket (aligned to the epoch) that contains {@code micros}. */
    static long floor(long micros, long width) {
        return Math.floorDiv(micros, width) * width;
    }

    /**
     * The index of the bucket that contains {@code t}, given ascending boundaries (bucket {@code i} is {@code
     * [boundaries[i], boundaries[i + 1])}); -1 when {@code t} lies outside all of them.
     */
    static int bucketOf(long[] boundaries, long t) {
        if (boundaries.length < 2 || t < boundaries[0] || t >= boundaries[boundaries.length - 1]) {
            return -1;
        }
        int low = 0;
        int high = boundaries.length - 2;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (boundaries[middle] <= t) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }
}
