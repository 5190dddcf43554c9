package org.gridvault.telemetry;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Encodes readings in PostgreSQL's binary COPY format for the samples table: the cheapest way to get rows into
 * PostgreSQL (no text parsing on the server). Column order follows {@link Metric}: the counters as float8, then the
 * gauges as float4, exactly as the table declares them.
 */
final class SampleCopyFormat {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** Microseconds between the Unix epoch and PostgreSQL's, 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private static final short FIELDS = (short) (2 + Metric.values().length);

    private SampleCopyFormat() {}

    /** The column list matching the encoded field order. */
    static String columns() {
        var columns = new StringBuilder("device_id, ts");
        for (var metric : Metric.values()) {
            columns.append(", ").append(metric.wireName());
        }
        return columns.toString();
    }

    static byte[] encode(List<Reading> readings) {
        var bytes = new ByteArrayOutputStream(64 + readings.size() * 110);
        try (var out = new DataOutputStream(bytes)) {
            out.write(SIGNATURE);
            out.writeInt(0); // flags
            out.writeInt(0); // header extension length
            for (var reading : readings) {
                out.writeShort(FIELDS);
                out.writeInt(16);
                out.writeLong(reading.device().value().getMostSignificantBits());
                out.writeLong(reading.device().value().getLeastSignificantBits());
                out.writeInt(8);
                out.writeLong(micros(reading.ts()) - POSTGRES_EPOCH_MICROS);
                for (var metric : Metric.values()) {
                    var value = reading.values()[metric.ordinal()];
                    if (Double.isNaN(value)) {
                        out.writeInt(-1);
                    } else if (metric.isCounter()) {
                        out.writeInt(8);
                        out.writeDouble(value);
                    } else {
                        out.writeInt(4);
                        out.writeFloat((float) value);
                    }
                }
            }
            out.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
