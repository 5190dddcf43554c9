package org.gridvault.insights;

import org.gridvault.telemetry.EnergyInterval;

/**
 * What was measured on a site in an interval, in whole Wh, as telemetry reports it (see docs/energy.md), plus the
 * home's share of consumption. For intervals longer than 15 minutes every field is the sum over the interval's
 * quarter hours, so {@code consumptionWh} can be a little more than telemetry's own value for the longer interval
 * where a quarter hour's balance was negative and clamped to 0.
 *
 * @param homeWh consumption other than EV charging: {@code consumptionWh - evChargingWh}, or 0 where the EV charger
 *     measured more than the balance
 */
public record MeasuredEnergy(
        long gridImportWh,
        long gridExportWh,
        long productionWh,
        long batteryChargeWh,
        long batteryDischargeWh,
        long evChargingWh,
        long consumptionWh,
        long homeWh) {

    public static final MeasuredEnergy NONE = new MeasuredEnergy(0, 0, 0, 0, 0, 0, 0, 0);

    /** One interval of telemetry's site energy. */
    public static MeasuredEnergy of(EnergyInterval interval) {
        return new MeasuredEnergy(
                interval.gridImportWh(),
                interval.gridExportWh(),
                interval.productionWh(),
                interval.batteryChargeWh(),
                interval.batteryDischargeWh(),
                interval.evChargingWh(),
                interval.consumptionWh(),
                Math.max(0, interval.consumptionWh() - interval.evChargingWh()));
    }

    /** Field by field sum, for longer intervals and period totals. */
    public MeasuredEnergy plus(MeasuredEnergy other) {
        return new MeasuredEnergy(
                gridImportWh + other.gridImportWh,
                gridExportWh + other.gridExportWh,
                productionWh + other.productionWh,
                batteryChargeWh + other.batteryChargeWh,
                batteryDischargeWh + other.batteryDischargeWh,
                evChargingWh + other.evChargingWh,
                consumptionWh + other.consumptionWh,
                homeWh + other.homeWh);
    }
}
