package org.gridvault.portability;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gridvault.problems.ApiProblem;

/**
 * The energy intervals read from a Green Button feed, per direction (grid import and export), in whole Wh, sorted and
 * checked: no negative values, no overlapping intervals. Intervals with the same start and length (the same
 * interval of several meters of one feed) are added up.
 *
 * <p>{@link #counterAt} turns them into the cumulative counter a meter would have shown, which is how they are stored
 * (ADR 13): flat across gaps, linear within an interval.
 */
final class FeedIntervals {

    /** One interval: {@code [start, start + seconds)} in epoch seconds, and its energy in Wh. */
    record Interval(long start, long seconds, long wh) {
        long end() {
            return start + seconds;
        }
    }

    private final String title;
    private final List<Interval> imported;
    private final List<Interval> exported;

    private FeedIntervals(String title, List<Interval> imported, List<Interval> exported) {
        this.title = title;
        this.imported = imported;
        this.exported = exported;
    }

    /** Builds and checks the intervals; a feed with none, or with overlapping ones, is refused with a 422. */
    static FeedIntervals of(String title, List<Interval> imported, List<Interval> exported) {
        var importedChecked = checked(imported, "import (flow direction 1)");
        var exportedChecked = checked(exported, "export (flow direction 19)");
        if (importedChecked.isEmpty() && exportedChecked.isEmpty()) {
            throw ApiProblem.unprocessable(
                    "portability:greenbutton.no-energy-readings",
                    "The feed has no interval readings of electricity in Wh (ReadingType kind 12, uom 72) flowing"
                            + " forward (1) or reverse (19). Export the usage data, not a summary or a bill.");
        }
        return new FeedIntervals(title, importedChecked, exportedChecked);
    }

    private static List<Interval> checked(List<Interval> intervals, String direction) {
        var byStart = new TreeMap<Long, Interval>();
        for (var interval : intervals) {
            if (interval.seconds() <= 0) {
                throw ApiProblem.unprocessable(
                                "portability:greenbutton.interval-invalid",
                                "An interval reading has a duration of %d s; durations must be positive."
                                        .formatted(interval.seconds()))
                        .with("start", Instant.ofEpochSecond(interval.start()).toString());
            }
            if (interval.wh() < 0) {
                throw ApiProblem.unprocessable(
                                "portability:greenbutton.value-invalid",
                                "The %s reading at %s is negative (%d Wh); energy per interval is zero or more."
                                        .formatted(direction, Instant.ofEpochSecond(interval.start()), interval.wh()))
                        .with("start", Instant.ofEpochSecond(interval.start()).toString());
            }
            byStart.merge(interval.start(), interval, (a, b) -> {
                if (a.seconds() != b.seconds()) {
                    throw overlap(direction, a, b);
                }
                return new Interval(a.start(), a.seconds(), a.wh() + b.wh());
            });
        }
        var sorted = List.copyOf(byStart.values());
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start() < sorted.get(i - 1).end()) {
                throw overlap(direction, sorted.get(i - 1), sorted.get(i));
            }
        }
        return sorted;
    }

    private static ApiProblem overlap(String direction, Interval a, Interval b) {
        return ApiProblem.unprocessable(
                        "portability:greenbutton.intervals-overlap",
                        "Two %s readings overlap: one starts at %s for %d s, the other at %s for %d s. Each instant may be counted once."
                                .formatted(
                                        direction,
                                        Instant.ofEpochSecond(a.start()),
                                        a.seconds(),
                                        Instant.ofEpochSecond(b.start()),
                                        b.seconds()))
                .with("start", Instant.ofEpochSecond(b.start()).toString());
    }

    String title() {
        return title;
    }

    List<Interval> imported() {
        return imported;
    }

    List<Interval> exported() {
        return exported;
    }

    int size() {
        return imported.size() + exported.size();
    }

    Instant first() {
        return Instant.ofEpochSecond(Math.min(firstStart(imported), firstStart(exported)));
    }

    Instant last() {
        return Instant.ofEpochSecond(Math.max(lastEnd(imported), lastEnd(exported)));
    }

    long importWh() {
        return imported.stream().mapToLong(Interval::wh).sum();
    }

    long exportWh() {
        return exported.stream().mapToLong(Interval::wh).sum();
    }

    /** Every instant where an interval of either direction starts or ends, in order, in epoch seconds. */
    long[] boundaries() {
        var instants = new TreeSet<Long>();
        for (var list : List.of(imported, exported)) {
            for (var interval : list) {
                instants.add(interval.start());
                instants.add(interval.end());
            }
        }
        return instants.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The cumulative counter of a direction at an instant, starting from 0 before the first interval: flat where
     * there is no interval, rising evenly within one. NaN when the feed has no reading of that direction.
     */
    static double counterAt(List<Interval> intervals, long[] cumulativeBefore, long instant) {
        if (intervals.isEmpty()) {
            return Double.NaN;
        }
        int low = 0;
        int high = intervals.size() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (intervals.get(middle).start() <= instant) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (found < 0) {
            return 0;
        }
        var interval = intervals.get(found);
        if (instant >= interval.end()) {
            return cumulativeBefore[found] + interval.wh();
        }
        return cumulativeBefore[found] + (double) interval.wh() * (instant - interval.start()) / interval.seconds();
    }

    /** For each interval, the energy of all intervals before it. */
    static long[] cumulativeBefore(List<Interval> intervals) {
        var before = new long[intervals.size()];
        long sum = 0;
        for (int i = 0; i < intervals.size(); i++) {
            before[i] = sum;
            sum += intervals.get(i).wh();
        }
        return before;
    }

    /**
     * A digest of the intervals alone (not the XML around them): the same data imported twice, however it was
     * formatted, has the same hash.
     */
    String contentHash() {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var list : List.of(imported, exported)) {
                var buffer = ByteBuffer.allocate(24);
                for (var interval : list) {
                    buffer.clear();
                    buffer.putLong(interval.start()).putLong(interval.seconds()).putLong(interval.wh());
                    digest.update(buffer.array());
                }
                digest.update((byte) 0xFF);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long firstStart(List<Interval> intervals) {
        return intervals.isEmpty() ? Long.MAX_VALUE : intervals.getFirst().start();
    }

    private static long lastEnd(List<Interval> intervals) {
        return intervals.isEmpty() ? Long.MIN_VALUE : intervals.getLast().end();
    }
}
