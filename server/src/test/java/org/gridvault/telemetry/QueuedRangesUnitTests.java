package org.gridvault.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import org.gridvault.devices.DeviceId;
import org.junit.jupiter.api.Test;

class QueuedRangesUnitTests {

    private final DeviceId meter = DeviceId.random();
    private final DeviceId plug = DeviceId.random();

    @Test
    void mergesTheRangesOfADeviceThatOverlapOrLieCloseAndKeepsDistantOnesApart() {
        var rows = List.of(
                row(1, "10:00:00", "10:00:10", meter, plug),
                row(2, "10:00:05", "10:00:20", meter),
                row(3, "10:03:00", "10:03:10", meter),
                row(4, "08:00:00", "08:00:10", meter));

        var ranges = QueuedRanges.byDevice(rows, Duration.ofMinutes(5));

        assertThat(ranges.get(meter))
                .containsExactly(
                        new QueuedRanges.Range(at("08:00:00"), at("08:00:10")),
                        new QueuedRanges.Range(at("10:00:00"), at("10:03:10")));
        assertThat(ranges.get(plug)).containsExactly(new QueuedRanges.Range(at("10:00:00"), at("10:00:10")));
    }

    @Test
    void ordersDevicesTheSameWayEveryTime() {
        var ranges = QueuedRanges.byDevice(List.of(row(1, "10:00:00", "10:00:10", plug, meter)), Duration.ZERO);

        assertThat(ranges.keySet())
                .containsExactly(
                        meter.value().compareTo(plug.value()) < 0 ? meter : plug,
                        meter.value().compareTo(plug.value()) < 0 ? plug : meter);
    }

    private static RollupQueue.QueueRow row(long id, String from, String to, DeviceId... devices) {
        var ranges = new LinkedHashMap<DeviceId, QueuedRanges.Range>();
        for (var device : devices) {
            ranges.put(device, new QueuedRanges.Range(at(from), at(to)));
        }
        return new RollupQueue.QueueRow(id, ranges);
    }

    private static Instant at(String time) {
        return Instant.parse("2026-03-29T" + time + "Z");
    }
}
