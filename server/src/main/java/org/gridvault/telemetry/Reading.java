package org.gridvault.telemetry;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.gridvault.devices.DeviceId;

/**
 * One reading of one device at one instant: the canonical envelope every transport decodes into, already validated.
 *
 * <p>{@code values} is indexed by {@link Metric#ordinal()}; {@code NaN} marks a metric the reading does not carry
 * (devices cannot send NaN: it is rejected while decoding). Kept as a primitive array because readings are the hot
 * path; treat it as read-only.
 */
public record Reading(DeviceId device, Instant ts, double[] values) {

    public static final int METRIC_COUNT = Metric.values().length;

    public static double[] noValues() {
        var values = new double[METRIC_COUNT];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    /** A reading from named values, for tests and tools. */
    public static Reading of(DeviceId device, Instant ts, Map<Metric, Double> named) {
        var values = noValues();
        named.forEach((metric, value) -> values[metric.ordinal()] = value);
        return new Reading(device, ts, values);
    }

    public boolean has(Metric metric) {
        return !Double.isNaN(values[metric.ordinal()]);
    }

    public double value(Metric metric) {
        return values[metric.ordinal()];
    }

    public Map<Metric, Double> named() {
        var named = new EnumMap<Metric, Double>(Metric.class);
        for (var metric : Metric.values()) {
            if (has(metric)) {
                named.put(metric, value(metric));
            }
        }
        return named;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Reading reading
                && device.equals(reading.device)
                && ts.equals(reading.ts)
                && Arrays.equals(values, reading.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * device.hashCode() + ts.hashCode()) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Reading[" + device + " " + ts + " " + named() + "]";
    }
}
