package org.gridvault.simulator.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BatteryUnitTests {

    @Test
    void stopsChargingWhenFull() {
        var battery = new Battery(10_000, 5_000, 0.5, 0, 0);

        for (int hour = 0; hour < 10; hour++) {
            battery.dispatch(8_000, 0, 1);
        }

        assertThat(battery.socPercent()).isEqualTo(100);
        assertThat(battery.dispatch(8_000, 0, 1)).isZero();
    }

    @Test
    void stopsDischargingAtTenPercent() {
        var battery = new Battery(10_000, 5_000, 0.5, 0, 0);

        for (int hour = 0; hour < 10; hour++) {
            battery.dispatch(0, 3_000, 1);
        }

        assertThat(battery.socPercent()).isCloseTo(10, within(1e-9));
        assertThat(battery.dispatch(0, 3_000, 1)).isZero();
    }

    @Test
    void neverExceedsItsPowerLimit() {
        var battery = new Battery(10_000, 3_000, 0.5, 0, 0);

        assertThat(battery.dispatch(8_000, 0, 0.5)).isEqualTo(-1_500);
        assertThat(battery.dispatch(0, 8_000, 0.5)).isEqualTo(1_500);
    }

    @Test
    void givesBackNinetyTwoPercentOfWhatItTook() {
        var battery = new Battery(10_000, 5_000, 0.1, 0, 0);

        battery.dispatch(4_500, 0, 2);
        double taken = battery.chargedWattHours();
        while (battery.dispatch(0, 1_000, 0.25) > 0) {
            // drain to the minimum
        }

        assertThat(battery.dischargedWattHours() / taken).isCloseTo(0.92, within(1e-9));
    }
}
