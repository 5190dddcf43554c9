package org.gridvault.telemetry;

import java.time.Instant;
import java.util.Map;
import org.gridvault.devices.DeviceId;
import org.jspecify.annotations.Nullable;

/**
 * What is known about a device right now: whether it is online, when it was last heard from, and its latest value of
 * each metric with the time it was measured.
 *
 * @param lastSeenAt when GridVault last received anything from the device (not the measurement time)
 * @param lastReadingAt the measurement time of the newest reading, if any arrived
 * @param latest the newest value of each metric
 * @param sequenceGaps readings a device's {@code seq} numbers say were sent but never arrived
 * @param duplicates readings dropped because their {@code seq} had been seen
 */
public record DeviceStatus(
        DeviceId deviceId,
        boolean online,
        Instant statusSince,
        Instant lastSeenAt,
        @Nullable Instant lastReadingAt,
        Map<Metric, Double> latest,
        long sequenceGaps,
        long duplicates) {}
