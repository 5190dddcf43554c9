package org.gridvault.simulator.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gridvault.simulator.DeviceCredentials;
import org.gridvault.simulator.SimulatedHome;
import org.junit.jupiter.api.Test;

class ProvisioningIntegrationTests {

    @Test
    void opensTheAccountCreatesOneSitePerHomeAndRegistersFourDevicesEach() throws Exception {
        try (var gridVault = new FakeGridVault(false)) {
            var homes = new Provisioning(GridVaultApi.at(gridVault.base()))
                    .provision("sim@example.org", "right", PlannedHome.fleet(2, 7), "RUN1");

            assertThat(homes).hasSize(2);
            assertThat(homes.getFirst().devices().all())
                    .extracting(DeviceCredentials::serial)
                    .containsExactly("SIM-RUN1-H001-GM", "SIM-RUN1-H001-PV", "SIM-RUN1-H001-BAT", "SIM-RUN1-H001-EV");
            assertThat(homes.getFirst().devices().gridMeter().secret()).isEqualTo("secret-of-SIM-RUN1-H001-GM");

            var calls = gridVault.calls();
            assertThat(calls).extracting(FakeGridVault.Call::path).startsWith("/api/v1/accounts", "/api/v1/sessions");
            assertThat(calls).hasSize(2 + 2 * 5);
            var site = calls.get(2);
            assertThat(site.authorization()).isEqualTo("Bearer tok-1");
            assertThat(site.body().path("name").asString()).isEqualTo("Simulated home 1");
            assertThat(site.body().path("timeZone").asString())
                    .isEqualTo(homes.getFirst().location().zone().getId());
            assertThat(site.body().path("region").asString()).isIn("eu", "sg");
            assertThat(site.body().path("latitude").asDouble())
                    .isCloseTo(homes.getFirst().location().latitude(), org.assertj.core.api.Assertions.within(1e-4));
            assertThat(calls.subList(3, 7))
                    .extracting(call -> call.body().path("kind").asString())
                    .containsExactly("grid_meter", "pv_inverter", "battery", "ev_charger");
            assertThat(calls.get(3).body().path("manufacturer").asString()).isEqualTo("GridVault");
            assertThat(calls.get(3).body().path("model").asString()).isEqualTo("Simulated meter");
        }
    }

    @Test
    void logsIntoAnExistingAccount() throws Exception {
        try (var gridVault = new FakeGridVault(true)) {
            List<SimulatedHome> homes = new Provisioning(GridVaultApi.at(gridVault.base()))
                    .provision("sim@example.org", "right", PlannedHome.fleet(1, 7), "RUN2");

            assertThat(homes).hasSize(1);
        }
    }

    @Test
    void passesOnTheServersReasonForARefusal() throws Exception {
        try (var gridVault = new FakeGridVault(true)) {
            var provisioning = new Provisioning(GridVaultApi.at(gridVault.base()));

            assertThatThrownBy(() -> provisioning.provision("sim@example.org", "wrong", PlannedHome.fleet(1, 7), "R"))
                    .isInstanceOf(ApiException.class)
                    .hasMessage("Log-in refused with HTTP 401: Wrong e-mail address or password.")
                    .extracting(e -> ((ApiException) e).status())
                    .isEqualTo(401);
        }
    }
}
