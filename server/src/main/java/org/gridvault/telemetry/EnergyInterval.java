package org.gridvault.telemetry;

import java.time.Instant;

/**
 * A site's energy in one interval, in whole Wh, all values zero or more (see docs/energy.md).
 *
 * @param start where the interval starts
 * @param gridImportWh taken from the grid (grid meters)
 * @param gridExportWh fed into the grid (grid meters)
 * @param productionWh produced by PV inverters
 * @param batteryChargeWh stored into batteries
 * @param batteryDischargeWh taken out of batteries
 * @param evChargingWh delivered to vehicles by EV chargers (part of consumption)
 * @param consumptionWh used on the site: production + import + discharge - export - charge, or 0 where measurement
 *     errors make that negative
 */
public record EnergyInterval(
        Instant start,
        long gridImportWh,
        long gridExportWh,
        long productionWh,
        long batteryChargeWh,
        long batteryDischargeWh,
        long evChargingWh,
        long consumptionWh) {

    /** The interval from the summed energy of the site's devices, with consumption derived from the balance. */
    static EnergyInterval of(
            Instant start, long imported, long exported, long produced, long charged, long discharged, long ev) {
        long consumption = Math.max(0, produced + imported + discharged - exported - charged);
        return new EnergyInterval(start, imported, exported, produced, charged, discharged, ev, consumption);
    }
}
