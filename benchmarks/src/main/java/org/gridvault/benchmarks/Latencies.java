package org.gridvault.benchmarks;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed-capacity store of latencies in nanoseconds, filled from many threads without locks; percentiles by sorting a
 * copy. Samples past the capacity are dropped (and counted), so memory stays bounded in long runs.
 */
final class Latencies {

    private final long[] nanos;
    private final AtomicInteger next = new AtomicInteger();

    Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    void record(long latencyNanos) {
        var index = next.getAndIncrement();
        if (index < nanos.length) {
            nanos[index] = latencyNanos;
        }
    }

    int count() {
        return Math.min(next.get(), nanos.length);
    }

    Summary summary() {
        var sorted = Arrays.copyOf(nanos, count());
        Arrays.sort(sorted);
        return new Summary(sorted.length, millis(sorted, 0.50), millis(sorted, 0.99), millis(sorted, 1.0));
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        var index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** Percentiles in milliseconds. */
    record Summary(int count, double p50Millis, double p99Millis, double maxMillis) {
        @Override
        public String toString() {
            return "p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)".formatted(p50Millis, p99Millis, maxMillis, count);
        }
    }
}
