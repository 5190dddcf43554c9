package org.gridvault.ingest;

import java.util.List;
import org.gridvault.telemetry.Metric;
import org.gridvault.telemetry.Reading;

/**
 * Collects one reading's values, rejecting each bad one with its reason and keeping the rest. Each value names the
 * payload record it came from, so a rejection points at that record (in SenML, several records make one reading).
 */
final class RecordValues {

    private final List<Rejection> rejections;
    private final double[] values = Reading.noValues();

    RecordValues(List<Rejection> rejections) {
        this.rejections = rejections;
    }

    void number(int record, String name, double value) {
        var metric = Metric.byName(name);
        if (metric.isEmpty()) {
            rejectUnknown(record, name);
        } else if (!Double.isFinite(value)) {
            rejections.add(Rejection.ofValue(
                    record,
                    name,
                    "telemetry:value.not-finite",
                    "NaN and infinite values are not measurements; leave the metric out instead."));
        } else {
            values[metric.get().ordinal()] = value;
        }
    }

    void notANumber(int record, String name, String found) {
        if (Metric.byName(name).isEmpty()) {
            rejectUnknown(record, name);
        } else {
            rejections.add(Rejection.ofValue(
                    record,
                    name,
                    "telemetry:value.not-a-number",
                    "Send a JSON number for " + name + ", not " + found + "."));
        }
    }

    double[] values() {
        return values;
    }

    private void rejectUnknown(int record, String name) {
        rejections.add(Rejection.ofValue(
                record,
                name,
                "telemetry:metric.unknown",
                "Unknown metric '" + name + "'. See docs/device-protocol.md for the metric catalog."));
    }
}
