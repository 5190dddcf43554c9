package org.gridvault.simulator.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridvault.simulator.DeviceKind;
import org.junit.jupiter.api.Test;

class PlannedHomeUnitTests {

    @Test
    void sameSeedPlansTheSameFleet() {
        assertThat(PlannedHome.fleet(20, 5)).isEqualTo(PlannedHome.fleet(20, 5));
        assertThat(PlannedHome.fleet(20, 5)).isNotEqualTo(PlannedHome.fleet(20, 6));
    }

    @Test
    void spreadsHomesOverEuropeanAndAsianCities() {
        var fleet = PlannedHome.fleet(40, 1);

        assertThat(fleet)
                .extracting(home -> home.place().city())
                .contains("Berlin", "Lisbon", "Amsterdam", "Singapore");
        assertThat(fleet).allSatisfy(home -> {
            assertThat(home.location().zone()).isEqualTo(home.place().centre().zone());
            assertThat(Math.abs(
                            home.location().latitude() - home.place().centre().latitude()))
                    .isLessThan(0.2);
        });
        assertThat(fleet)
                .filteredOn(home -> home.place().city().equals("Singapore"))
                .allSatisfy(home -> assertThat(home.place().region()).isEqualTo("sg"));
    }

    @Test
    void namesSerialsByRunHomeAndKind() {
        var home = PlannedHome.fleet(7, 1).getLast();

        assertThat(home.name()).isEqualTo("Simulated home 7");
        assertThat(home.serial("K3F9", DeviceKind.BATTERY)).isEqualTo("SIM-K3F9-H007-BAT");
    }
}
