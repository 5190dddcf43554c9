package org.gridvault.telemetry;

import java.util.Map;
import org.gridvault.devices.DeviceKind;

/**
 * Which energy a device kind's power stands for, when the device reports {@code power_w} but not the counter: the
 * sign convention of {@code power_w} per kind (docs/device-protocol.md) decides which part of the power goes where.
 *
 * <table>
 *   <caption>Energy integrated from power</caption>
 *   <tr><th>kind</th><th>positive power</th><th>negative power</th></tr>
 *   <tr><td>grid_meter</td><td>energy_import_wh</td><td>energy_export_wh</td></tr>
 *   <tr><td>pv_inverter</td><td>energy_produced_wh</td><td>-</td></tr>
 *   <tr><td>battery</td><td>energy_discharged_wh</td><td>energy_charged_wh</td></tr>
 *   <tr><td>ev_charger</td><td>energy_delivered_wh</td><td>-</td></tr>
 *   <tr><td>smart_plug, circuit_meter</td><td>energy_consumed_wh</td><td>-</td></tr>
 * </table>
 *
 * A metric is integrated from power only while the device has never reported that counter: once it has, the counter
 * is the truth (intervals rolled up before keep their integrated energy).
 */
final class EnergyFromPower {

    private EnergyFromPower() {}

    /** The metrics this kind's power can stand for, each with the sign of the power that counts for it. */
    static Map<Metric, Integer> of(DeviceKind kind) {
        return switch (kind) {
            case GRID_METER -> Map.of(Metric.ENERGY_IMPORT_WH, 1, Metric.ENERGY_EXPORT_WH, -1);
            case PV_INVERTER -> Map.of(Metric.ENERGY_PRODUCED_WH, 1);
            case BATTERY -> Map.of(Metric.ENERGY_DISCHARGED_WH, 1, Metric.ENERGY_CHARGED_WH, -1);
            case EV_CHARGER -> Map.of(Metric.ENERGY_DELIVERED_WH, 1);
            case SMART_PLUG, CIRCUIT_METER -> Map.of(Metric.ENERGY_CONSUMED_WH, 1);
            case GATEWAY, JUNCTION_BOX -> Map.of();
        };
    }
}
