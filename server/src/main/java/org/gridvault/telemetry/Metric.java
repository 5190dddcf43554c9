package org.gridvault.telemetry;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The metrics a device may report. Names carry their unit; sign conventions are fixed per device kind (see
 * docs/device-protocol.md). A {@link Nature#COUNTER} is a cumulative total that only grows (energy); everything else
 * is a {@link Nature#GAUGE}, a value at an instant.
 *
 * <p>Each metric is one column of the samples table, named as the metric.
 */
public enum Metric {
    ENERGY_IMPORT_WH("energy_import_wh", Nature.COUNTER),
    ENERGY_EXPORT_WH("energy_export_wh", Nature.COUNTER),
    ENERGY_PRODUCED_WH("energy_produced_wh", Nature.COUNTER),
    ENERGY_CHARGED_WH("energy_charged_wh", Nature.COUNTER),
    ENERGY_DISCHARGED_WH("energy_discharged_wh", Nature.COUNTER),
    ENERGY_DELIVERED_WH("energy_delivered_wh", Nature.COUNTER),
    ENERGY_CONSUMED_WH("energy_consumed_wh", Nature.COUNTER),
    POWER_W("power_w", Nature.GAUGE),
    SOC_PCT("soc_pct", Nature.GAUGE),
    VOLTAGE_V("voltage_v", Nature.GAUGE),
    CURRENT_A("current_a", Nature.GAUGE),
    FREQUENCY_HZ("frequency_hz", Nature.GAUGE),
    REACTIVE_POWER_VAR("reactive_power_var", Nature.GAUGE),
    POWER_FACTOR("power_factor", Nature.GAUGE),
    TEMPERATURE_C("temperature_c", Nature.GAUGE);

    /** Whether a metric is a cumulative total or a momentary value. */
    public enum Nature {
        COUNTER,
        GAUGE
    }

    private static final Map<String, Metric> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Metric::wireName, Function.identity()));

    private final String wireName;
    private final Nature nature;

    Metric(String wireName, Nature nature) {
        this.wireName = wireName;
        this.nature = nature;
    }

    /** The name devices use in payloads, and the column name. */
    public String wireName() {
        return wireName;
    }

    public Nature nature() {
        return nature;
    }

    public boolean isCounter() {
        return nature == Nature.COUNTER;
    }

    public static Optional<Metric> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
