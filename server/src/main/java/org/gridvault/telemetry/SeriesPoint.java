package org.gridvault.telemetry;

import java.time.Instant;

/**
 * One point of a device's series ({@link DeviceSeries}): a raw reading, or per interval the statistics of a gauge or
 * the energy from a counter.
 */
public sealed interface SeriesPoint {

    /** A reading as the device reported it. */
    record Raw(Instant ts, double value) implements SeriesPoint {}

    /** A gauge over the interval starting at {@code start}: average per reading, minimum and maximum. */
    record Gauge(Instant start, double avg, double min, double max) implements SeriesPoint {}

    /** The energy of a counter (or integrated from power) in the interval starting at {@code start}, in Wh. */
    record Energy(Instant start, long energyWh) implements SeriesPoint {}
}
