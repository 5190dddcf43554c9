package org.gridvault.benchmarks;

import java.time.Instant;
import java.util.UUID;

/**
 * One grid-meter reading with the eight values a household meter reports. Values are a deterministic function of
 * the device and the step, so the load generator needs no per-device state and every benchmark writes the same kind
 * of data: two cumulative counters (float8 columns) and six gauges (float4 columns).
 */
record MeterReading(
        UUID device,
        Instant ts,
        double energyImportWh,
        double energyExportWh,
        double powerW,
        double voltageV,
        double currentA,
        double frequencyHz,
        double reactivePowerVar,
        double powerFactor) {

    static final int VALUES = 8;

    /** The reading of meter {@code deviceIndex} at step {@code step} (one step per reporting interval). */
    static MeterReading of(int deviceIndex, UUID device, long step, Instant ts) {
        var phase = (step + deviceIndex * 37L) % 1440 / 1440.0 * 2 * Math.PI;
        var noise = ((deviceIndex * 7919L + step * 104_729L) % 1000) / 1000.0;
        var power = 400 + 1800 * Math.sin(phase) + 150 * noise;
        var voltage = 229 + 3 * noise;
        return new MeterReading(
                device,
                ts,
                1_000_000 + deviceIndex * 10.0 + step * 0.4,
                50_000 + step * 0.1,
                power,
                voltage,
                Math.abs(power) / voltage,
                49.95 + 0.1 * noise,
                120 * noise - 60,
                0.9 + 0.1 * noise);
    }

    /** The device-protocol JSON for this reading: {"ts":..., "seq":..., "values":{...}}. */
    String json(long seq) {
        return new StringBuilder(320)
                .append("{\"ts\":\"")
                .append(ts)
                .append("\",\"seq\":")
                .append(seq)
                .append(",\"values\":{\"power_w\":")
                .append(round(powerW))
                .append(",\"energy_import_wh\":")
                .append(round(energyImportWh))
                .append(",\"energy_export_wh\":")
                .append(round(energyExportWh))
                .append(",\"voltage_v\":")
                .append(round(voltageV))
                .append(",\"current_a\":")
                .append(round(currentA))
                .append(",\"frequency_hz\":")
                .append(round(frequencyHz))
                .append(",\"reactive_power_var\":")
                .append(round(reactivePowerVar))
                .append(",\"power_factor\":")
                .append(round(powerFactor))
                .append("}}")
                .toString();
    }

    /** Three decimals, as a meter would send them (and short payloads). */
    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
