package org.gridvault.insights;

/**
 * Where a site's energy went in an interval, in whole Wh: from solar, the grid and the battery to the home, the EV,
 * the battery and the grid ("home" is consumption other than EV charging and battery charging). Allocated by
 * {@link #of(MeasuredEnergy)} following the rules in docs/energy-flows.md.
 */
public record Flows(
        long solarToHomeWh,
        long solarToEvWh,
        long solarToBatteryWh,
        long solarToGridWh,
        long gridToHomeWh,
        long gridToEvWh,
        long gridToBatteryWh,
        long batteryToHomeWh,
        long batteryToEvWh,
        long batteryToGridWh) {

    public static final Flows NONE = new Flows(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Decomposes one measured interval (a quarter hour; longer intervals are sums of their quarter hours' flows):
     *
     * <ol>
     *   <li>Battery charging the grid cannot explain (charge above import) comes from solar.
     *   <li>Export comes from solar (what is left of it), then from the battery.
     *   <li>The rest of solar serves the home, then the EV, then the battery.
     *   <li>Battery discharge serves the home, then the EV (its export was taken in step 2).
     *   <li>Grid import covers what remains of the home, the EV and the battery charge.
     * </ol>
     *
     * <p>Where the measurements balance (production + import + discharge = home + EV + charge + export, with charge at
     * most production + import and export at most production + discharge), every source's flows add up to its
     * measurement and so does every sink's. Where they do not (meter noise, meters that report at different times),
     * the flows never exceed any measurement and nothing is negative: what cannot be allocated stays unexplained.
     */
    public static Flows of(MeasuredEnergy measured) {
        var left = new Remaining(measured);
        long solarToBatteryForced = left.take(Source.SOLAR, Sink.BATTERY, Math.max(0, left.charge - left.grid));
        long solarToGrid = left.take(Source.SOLAR, Sink.GRID, left.export);
        long solarToHome = left.take(Source.SOLAR, Sink.HOME, left.home);
        long solarToEv = left.take(Source.SOLAR, Sink.EV, left.ev);
        long solarToBattery = solarToBatteryForced + left.take(Source.SOLAR, Sink.BATTERY, left.charge);
        long batteryToGrid = left.take(Source.BATTERY, Sink.GRID, left.export);
        long batteryToHome = left.take(Source.BATTERY, Sink.HOME, left.home);
        long batteryToEv = left.take(Source.BATTERY, Sink.EV, left.ev);
        long gridToHome = left.take(Source.GRID, Sink.HOME, left.home);
        long gridToEv = left.take(Source.GRID, Sink.EV, left.ev);
        long gridToBattery = left.take(Source.GRID, Sink.BATTERY, left.charge);
        return new Flows(
                solarToHome,
                solarToEv,
                solarToBattery,
                solarToGrid,
                gridToHome,
                gridToEv,
                gridToBattery,
                batteryToHome,
                batteryToEv,
                batteryToGrid);
    }

    /** Flow by flow sum, for longer intervals and period totals. */
    public Flows plus(Flows other) {
        return new Flows(
                solarToHomeWh + other.solarToHomeWh,
                solarToEvWh + other.solarToEvWh,
                solarToBatteryWh + other.solarToBatteryWh,
                solarToGridWh + other.solarToGridWh,
                gridToHomeWh + other.gridToHomeWh,
                gridToEvWh + other.gridToEvWh,
                gridToBatteryWh + other.gridToBatteryWh,
                batteryToHomeWh + other.batteryToHomeWh,
                batteryToEvWh + other.batteryToEvWh,
                batteryToGridWh + other.batteryToGridWh);
    }

    /** All flows out of the PV inverters: production, where the measurements balance. */
    public long fromSolarWh() {
        return solarToHomeWh + solarToEvWh + solarToBatteryWh + solarToGridWh;
    }

    /** All flows out of the grid: import, where the measurements balance. */
    public long fromGridWh() {
        return gridToHomeWh + gridToEvWh + gridToBatteryWh;
    }

    /** All flows out of the battery: discharge, where the measurements balance. */
    public long fromBatteryWh() {
        return batteryToHomeWh + batteryToEvWh + batteryToGridWh;
    }

    /** All flows into the home: consumption other than EV charging, where the measurements balance. */
    public long toHomeWh() {
        return solarToHomeWh + gridToHomeWh + batteryToHomeWh;
    }

    /** All flows into the EV: EV charging, where the measurements balance. */
    public long toEvWh() {
        return solarToEvWh + gridToEvWh + batteryToEvWh;
    }

    /** All flows into the battery: battery charge, where the measurements balance. */
    public long toBatteryWh() {
        return solarToBatteryWh + gridToBatteryWh;
    }

    /** All flows into the grid: export, where the measurements balance. */
    public long toGridWh() {
        return solarToGridWh + batteryToGridWh;
    }

    private enum Source {
        SOLAR,
        GRID,
        BATTERY
    }

    private enum Sink {
        HOME,
        EV,
        BATTERY,
        GRID
    }

    /** What is left to allocate of each source and sink while the flows are taken one by one. */
    private static final class Remaining {
        long solar;
        long grid;
        long battery;
        long home;
        long ev;
        long charge;
        long export;

        Remaining(MeasuredEnergy measured) {
            solar = measured.productionWh();
            grid = measured.gridImportWh();
            battery = measured.batteryDischargeWh();
            home = measured.homeWh();
            ev = measured.evChargingWh();
            charge = measured.batteryChargeWh();
            export = measured.gridExportWh();
        }

        /** Moves as much as the source and the sink have left, up to {@code wanted}; returns how much. */
        long take(Source source, Sink sink, long wanted) {
            long amount = Math.max(0, Math.min(wanted, Math.min(available(source), needed(sink))));
            switch (source) {
                case SOLAR -> solar -= amount;
                case GRID -> grid -= amount;
                case BATTERY -> battery -= amount;
            }
            switch (sink) {
                case HOME -> home -= amount;
                case EV -> ev -= amount;
                case BATTERY -> charge -= amount;
                case GRID -> export -= amount;
            }
            return amount;
        }

        private long available(Source source) {
            return switch (source) {
                case SOLAR -> solar;
                case GRID -> grid;
                case BATTERY -> battery;
            };
        }

        private long needed(Sink sink) {
            return switch (sink) {
                case HOME -> home;
                case EV -> ev;
                case BATTERY -> charge;
                case GRID -> export;
            };
        }
    }
}
