package org.gridvault.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * One telemetry record of one device, as the device protocol defines it: measurement time, the device's sequence
 * number and named values. Counters ({@code *_wh}) are {@link Long}s, everything else {@link Double}s.
 *
 * <p>{@link #topic()} and {@link #toJson()} give the MQTT topic and payload, for example
 * {@code {"ts":"2026-11-21T10:15:00Z","seq":42,"values":{"power_w":1520.5,"energy_import_wh":1234567}}}.
 */
public record Reading(String serial, DeviceKind kind, Instant time, long seq, SequencedMap<String, Number> values) {

    public Reading {
        values = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(values));
    }

    /** {@code gv/v1/{serial}/telemetry}. */
    public String topic() {
        return "gv/v1/" + serial + "/telemetry";
    }

    /** The payload as UTF-8 JSON. */
    public byte[] toJson() {
        return TelemetryJson.encode(this);
    }
}
