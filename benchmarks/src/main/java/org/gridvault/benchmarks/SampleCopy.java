package org.gridvault.benchmarks;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/**
 * PostgreSQL binary COPY encodings of meter readings in the two row layouts compared by {@link RowLayoutBenchmark}:
 * wide (one row per reading, GridVault's {@code telemetry.samples}) and narrow (one row per value).
 */
final class SampleCopy {

    /** Column list of the wide layout, in the order of the V1 samples migration. */
    static final String WIDE_COLUMNS = "device_id, ts, energy_import_wh, energy_export_wh, energy_produced_wh,"
            + " energy_charged_wh, energy_discharged_wh, energy_delivered_wh, energy_consumed_wh, power_w, soc_pct,"
            + " voltage_v, current_a, frequency_hz, reactive_power_var, power_factor, temperature_c";

    static final String NARROW_COLUMNS = "device_id, ts, metric, value";

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;
    private static final int WIDE_ROW_BYTES = 2 + 20 + 12 + 2 * 12 + 5 * 4 + 6 * 8 + 2 * 4;
    private static final int NARROW_ROW_BYTES = 2 + 20 + 12 + 6 + 12;

    private SampleCopy() {}

    /** All 17 fields per row, absent metrics as NULL, exactly as the server's writer sends them. */
    static byte[] wide(List<MeterReading> readings) {
        var out = start(readings.size() * WIDE_ROW_BYTES);
        for (var r : readings) {
            out.putShort((short) 17);
            key(out, r);
            float8(out, r.energyImportWh());
            float8(out, r.energyExportWh());
            nulls(out, 5); // produced, charged, discharged, delivered, consumed
            float4(out, r.powerW());
            nulls(out, 1); // soc
            float4(out, r.voltageV());
            float4(out, r.currentA());
            float4(out, r.frequencyHz());
            float4(out, r.reactivePowerVar());
            float4(out, r.powerFactor());
            nulls(out, 1); // temperature
        }
        return finish(out);
    }

    /** Eight rows per reading: (device_id, ts, metric smallint, value float8). */
    static byte[] narrow(List<MeterReading> readings) {
        var out = start(readings.size() * MeterReading.VALUES * NARROW_ROW_BYTES);
        for (var r : readings) {
            double[] values = {
                r.energyImportWh(), r.energyExportWh(), r.powerW(), r.voltageV(),
                r.currentA(), r.frequencyHz(), r.reactivePowerVar(), r.powerFactor()
            };
            for (short metric = 0; metric < values.length; metric++) {
                out.putShort((short) 4);
                key(out, r);
                out.putInt(2).putShort((short) (metric + 1));
                float8(out, values[metric]);
            }
        }
        return finish(out);
    }

    static long postgresMicros(Instant ts) {
        return ts.getEpochSecond() * 1_000_000L + ts.getNano() / 1_000 - POSTGRES_EPOCH_MICROS;
    }

    private static ByteBuffer start(int rowBytes) {
        var out = ByteBuffer.allocate(SIGNATURE.length + 8 + rowBytes + 2);
        return out.put(SIGNATURE).putInt(0).putInt(0);
    }

    private static byte[] finish(ByteBuffer out) {
        out.putShort((short) -1);
        return out.array().length == out.position()
                ? out.array()
                : java.util.Arrays.copyOf(out.array(), out.position());
    }

    private static void key(ByteBuffer out, MeterReading r) {
        out.putInt(16)
                .putLong(r.device().getMostSignificantBits())
                .putLong(r.device().getLeastSignificantBits());
        out.putInt(8).putLong(postgresMicros(r.ts()));
    }

    private static void float8(ByteBuffer out, double value) {
        out.putInt(8).putDouble(value);
    }

    private static void float4(ByteBuffer out, double value) {
        out.putInt(4).putFloat((float) value);
    }

    private static void nulls(ByteBuffer out, int count) {
        for (int i = 0; i < count; i++) {
            out.putInt(-1);
        }
    }
}
