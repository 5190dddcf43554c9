package org.gridvault.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The examples of docs/energy-flows.md. */
class FlowsUnitTests {

    @Test
    void solarServesTheHomeThenChargesTheBatteryAndExportsTheRest() {
        var flows = Flows.of(measured(0, 1_000, 3_000, 800, 0, 0));

        assertThat(flows).isEqualTo(new Flows(1_200, 0, 800, 1_000, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void theBatteryServesTheEveningAndTheGridTheRest() {
        var flows = Flows.of(measured(300, 0, 0, 0, 900, 0));

        assertThat(flows).isEqualTo(new Flows(0, 0, 0, 0, 300, 0, 0, 900, 0, 0));
    }

    @Test
    void solarServesTheHomeBeforeTheEv() {
        var flows = Flows.of(measured(1_000, 0, 2_000, 0, 0, 2_500));

        assertThat(flows.solarToHomeWh()).isEqualTo(500);
        assertThat(flows.solarToEvWh()).isEqualTo(1_500);
        assertThat(flows.gridToEvWh()).isEqualTo(1_000);
        assertThat(flows.gridToHomeWh()).isZero();
    }

    @Test
    void batteryChargeBeyondImportMustBeSolarEvenIfTheHomeThenNeedsTheGrid() {
        // 1,000 Wh charged but only 400 Wh imported: at least 600 Wh of the charge came from the panels.
        var flows = Flows.of(measured(400, 0, 1_000, 1_000, 0, 0));

        assertThat(flows).isEqualTo(new Flows(400, 0, 600, 0, 0, 0, 400, 0, 0, 0));
    }

    @Test
    void importAndExportInOneQuarterHourAreBothExplained() {
        // Passing clouds: the site exported 300 Wh and imported 400 Wh within the quarter hour.
        var flows = Flows.of(measured(400, 300, 1_000, 0, 0, 0));

        assertThat(flows).isEqualTo(new Flows(700, 0, 0, 300, 400, 0, 0, 0, 0, 0));
    }

    @Test
    void theBatteryFeedsTheGridOnlyWhatSolarCannotExplain() {
        var flows = Flows.of(measured(0, 500, 200, 0, 1_000, 0));

        assertThat(flows).isEqualTo(new Flows(0, 0, 0, 200, 0, 0, 0, 700, 0, 300));
    }

    @Test
    void leavesUnexplainedWhatTheMeasurementsCannotBalance() {
        // Export without production or discharge: no source for it, so no flow; the import then has no sink either
        // (consumption is 0 because the balance is negative).
        var flows = Flows.of(measured(200, 500, 0, 0, 0, 0));

        assertThat(flows).isEqualTo(Flows.NONE);
    }

    private static MeasuredEnergy measured(
            long imported, long exported, long produced, long charged, long discharged, long ev) {
        long consumption = Math.max(0, produced + imported + discharged - exported - charged);
        return new MeasuredEnergy(
                imported, exported, produced, charged, discharged, ev, consumption, Math.max(0, consumption - ev));
    }
}
