package org.gridvault.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridvault.devices.DeviceId;

/**
 * Merges queue rows into ranges per device: overlapping ranges, and ranges less than a gap apart, become one (a
 * device reporting every few seconds fills many rows with adjacent ranges). Devices come in a fixed order, the order
 * they are locked in.
 */
final class QueuedRanges {

    /** New readings of a device between {@code from} and {@code to}, inclusive. */
    record Range(Instant from, Instant to) {}

    private QueuedRanges() {}

    static Map<DeviceId, List<Range>> byDevice(List<RollupQueue.QueueRow> rows, Duration mergeGap) {
        var ranges = new TreeMap<DeviceId, List<Range>>(Comparator.comparing(DeviceId::value));
        for (var row : rows) {
            row.ranges()
                    .forEach((device, range) -> ranges.computeIfAbsent(device, ignored -> new ArrayList<>())
                            .add(range));
        }
        ranges.replaceAll((device, list) -> merged(list, mergeGap));
        return ranges;
    }

    private static List<Range> merged(List<Range> ranges, Duration mergeGap) {
        var sorted = ranges.stream().sorted(Comparator.comparing(Range::from)).toList();
        var merged = new ArrayList<Range>();
        for (var range : sorted) {
            if (!merged.isEmpty() && !range.from().isAfter(merged.getLast().to().plus(mergeGap))) {
                var last = merged.getLast();
                var to = range.to().isAfter(last.to()) ? range.to() : last.to();
                merged.set(merged.size() - 1, new Range(last.from(), to));
            } else {
                merged.add(range);
            }
        }
        return merged;
    }
}
