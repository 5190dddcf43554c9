package org.gridvault.simulator.home;

/**
 * A home battery run for self-consumption: it charges from PV surplus and discharges to cover the house's deficit,
 * within its power limit and between 10 % and 100 % state of charge. Round-trip efficiency is 92 %, lost half on the
 * way in and half on the way out, so the AC-side counters differ from the energy stored. Not thread-safe.
 */
final class Battery {

    static final double MIN_SOC = 0.10;
    static final double MAX_SOC = 1.00;
    static final double ROUND_TRIP_EFFICIENCY = 0.92;
    private static final double ONE_WAY = Math.sqrt(ROUND_TRIP_EFFICIENCY);

    private final double capacityWattHours;
    private final double maxWatts;
    private double storedWattHours;
    private double chargedWattHours;
    private double dischargedWattHours;

    Battery(
            double capacityWattHours,
            double maxWatts,
            double soc,
            double chargedWattHours,
            double dischargedWattHours) {
        this.capacityWattHours = capacityWattHours;
        this.maxWatts = maxWatts;
        this.storedWattHours = capacityWattHours * Math.clamp(soc, MIN_SOC, MAX_SOC);
        this.chargedWattHours = chargedWattHours;
        this.dischargedWattHours = dischargedWattHours;
    }

    /**
     * Runs the battery for {@code hours} against the house's surplus (PV left over) or deficit (load PV cannot cover),
     * both in watts and at most one of them positive.
     *
     * @return AC energy delivered to the house in Wh: positive when discharging, negative when charging
     */
    double dispatch(double surplusWatts, double deficitWatts, double hours) {
        if (surplusWatts > 0) {
            double room = (capacityWattHours * MAX_SOC - storedWattHours) / ONE_WAY;
            double taken = Math.max(0, Math.min(Math.min(surplusWatts, maxWatts) * hours, room));
            storedWattHours = Math.min(capacityWattHours * MAX_SOC, storedWattHours + taken * ONE_WAY);
            chargedWattHours += taken;
            return -taken;
        }
        if (deficitWatts > 0) {
            double available = (storedWattHours - capacityWattHours * MIN_SOC) * ONE_WAY;
            double given = Math.max(0, Math.min(Math.min(deficitWatts, maxWatts) * hours, available));
            storedWattHours = Math.max(capacityWattHours * MIN_SOC, storedWattHours - given / ONE_WAY);
            dischargedWattHours += given;
            return given;
        }
        return 0;
    }

    double socPercent() {
        return storedWattHours / capacityWattHours * 100;
    }

    double chargedWattHours() {
        return chargedWattHours;
    }

    double dischargedWattHours() {
        return dischargedWattHours;
    }
}
