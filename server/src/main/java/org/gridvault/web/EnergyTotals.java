package org.gridvault.web;

import java.util.List;
import org.gridvault.telemetry.EnergyInterval;
import org.jspecify.annotations.Nullable;

/**
 * A site's energy summed over a period, in Wh, with the two ratios owners look at first.
 *
 * @param selfSufficiency the share of consumption not taken from the grid, 0 to 1; null without consumption
 * @param selfConsumption the share of production used on the site (not exported), 0 to 1; null without production
 */
record EnergyTotals(
        long productionWh,
        long consumptionWh,
        long gridImportWh,
        long gridExportWh,
        long batteryChargeWh,
        long batteryDischargeWh,
        long evChargingWh,
        @Nullable Double selfSufficiency,
        @Nullable Double selfConsumption) {

    static EnergyTotals of(List<EnergyInterval> intervals) {
        long production = 0, consumption = 0, imported = 0, exported = 0, charged = 0, discharged = 0, ev = 0;
        for (var interval : intervals) {
            production += interval.productionWh();
            consumption += interval.consumptionWh();
            imported += interval.gridImportWh();
            exported += interval.gridExportWh();
            charged += interval.batteryChargeWh();
            discharged += interval.batteryDischargeWh();
            ev += interval.evChargingWh();
        }
        var sufficiency = consumption > 0 ? clamp(1.0 - (double) imported / consumption) : null;
        var selfUse = production > 0 ? clamp(1.0 - (double) exported / production) : null;
        return new EnergyTotals(
                production, consumption, imported, exported, charged, discharged, ev, sufficiency, selfUse);
    }

    /** The change from {@code before} to {@code now} as a share of {@code before}; null when there was nothing. */
    static @Nullable Double change(long now, long before) {
        return before == 0 ? null : (double) (now - before) / before;
    }

    private static double clamp(double share) {
        return Math.max(0, Math.min(1, share));
    }
}
