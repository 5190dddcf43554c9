package org.gridvault.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.telemetry.Rollups;
import org.gridvault.telemetry.TelemetryWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class EnergyFlowsIntegrationTests {

    private final ApiClient api;
    private final InsightsTestData data;

    EnergyFlowsIntegrationTests(ApiClient api, TelemetryWriter writer, Rollups rollups) {
        this.api = api;
        this.data = new InsightsTestData(api, writer, rollups);
    }

    @Test
    void decomposesEachQuarterHourIntoFlowsThatAddUpToTheMeasuredEnergy() {
        var owner = api.newPerson();
        var site = data.homeWithADay(owner);

        var response = api.get(flowsOf(site, "2026-03-20T09:00:00Z", "2026-03-20T09:30:00Z", "PT15M"), owner.token());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var quarter = response.json().path("intervals").get(0);
        assertThat(quarter.path("start").asString()).isEqualTo("2026-03-20T09:00:00Z");
        assertThat(quarter.path("end").asString()).isEqualTo("2026-03-20T09:15:00Z");
        var measured = quarter.path("measured");
        assertThat(measured.path("productionWh").asLong()).isEqualTo(750);
        assertThat(measured.path("batteryChargeWh").asLong()).isEqualTo(300);
        assertThat(measured.path("gridExportWh").asLong()).isEqualTo(150);
        assertThat(measured.path("homeWh").asLong()).isEqualTo(300);
        assertFlows(quarter.path("flows"), 300, 0, 300, 150, 0, 0, 0, 0, 0, 0);
        assertThat(quarter.path("ratios").path("selfSufficiency").asDouble()).isEqualTo(1.0);
        assertThat(quarter.path("ratios").path("selfConsumption").asDouble()).isEqualTo(0.8);
        assertThat(response.json().path("intervals").size()).isEqualTo(2);
    }

    @Test
    void sumsTheQuarterHoursOfADaySoTheBatteryCarriesNoonIntoTheEvening() {
        var owner = api.newPerson();
        var site = data.homeWithADay(owner);

        var response = api.get(flowsOf(site, "2026-03-20", "2026-03-22", "P1D"), owner.token());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var days = response.json().path("intervals");
        assertThat(days.size()).isEqualTo(2);
        var friday = days.get(0);
        assertThat(friday.path("start").asString()).isEqualTo("2026-03-19T23:00:00Z");
        assertThat(friday.path("end").asString()).isEqualTo("2026-03-20T23:00:00Z");
        // Solar 3000 Wh: 1200 to the home, 1200 to the battery, 600 exported; the battery's 1200 Wh serve the home
        // and the EV in the evening, the grid the rest of the EV.
        assertFlows(friday.path("flows"), 1_200, 0, 1_200, 600, 0, 600, 0, 600, 600, 0);
        assertThat(friday.path("measured").path("consumptionWh").asLong()).isEqualTo(3_000);
        assertThat(friday.path("ratios").path("selfSufficiency").asDouble()).isEqualTo(0.8);
        assertThat(friday.path("ratios").path("selfConsumption").asDouble()).isEqualTo(0.8);
        var saturday = days.get(1);
        assertFlows(saturday.path("flows"), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(saturday.path("ratios").has("selfSufficiency")).isTrue();
        assertThat(saturday.path("ratios").path("selfSufficiency").isNull()).isTrue();
        assertThat(saturday.path("ratios").path("selfConsumption").isNull()).isTrue();
        var total = response.json().path("total");
        assertThat(total.path("start").asString()).isEqualTo("2026-03-19T23:00:00Z");
        assertThat(total.path("end").asString()).isEqualTo("2026-03-21T23:00:00Z");
        assertFlows(total.path("flows"), 1_200, 0, 1_200, 600, 0, 600, 0, 600, 600, 0);
        assertThat(total.path("ratios").path("selfSufficiency").asDouble()).isEqualTo(0.8);
    }

    @Test
    void givesTheSameTotalsWhateverTheInterval() {
        var owner = api.newPerson();
        var site = data.homeWithADay(owner);

        var byQuarter = api.get(flowsOf(site, "2026-03-20", "2026-03-21", "PT15M"), owner.token())
                .json();
        var byHour = api.get(flowsOf(site, "2026-03-20", "2026-03-21", "PT1H"), owner.token())
                .json();
        var byMonth = api.get(flowsOf(site, "2026-03-01", "2026-04-01", "P1M"), owner.token())
                .json();

        assertThat(byQuarter.path("intervals").size()).isEqualTo(96);
        assertThat(byHour.path("intervals").size()).isEqualTo(24);
        assertThat(byHour.path("total").path("flows"))
                .isEqualTo(byQuarter.path("total").path("flows"));
        assertThat(byMonth.path("intervals").get(0).path("flows"))
                .isEqualTo(byQuarter.path("total").path("flows"));
    }

    @Test
    void showsTheFlowsToAViewerTheOwnerInvited() {
        var owner = api.newPerson();
        var site = data.homeWithADay(owner);
        var viewer = api.newPerson();
        var invited = api.post(
                "/api/v1/sites/" + site + "/grants", owner.token(), Map.of("email", viewer.email(), "role", "viewer"));
        var grant = invited.json().path("id").asString();
        assertThat(api.post("/api/v1/me/invitations/" + grant + "/accept", viewer.token(), null)
                        .status())
                .isEqualTo(200);

        var response = api.get(flowsOf(site, "2026-03-20", "2026-03-21", "P1D"), viewer.token());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertFlows(response.json().path("total").path("flows"), 1_200, 0, 1_200, 600, 0, 600, 0, 600, 600, 0);
    }

    @Test
    void isNotFoundForSomeoneWhoCannotSeeTheSite() {
        var site = data.site(api.newPerson());

        var response = api.get(
                flowsOf(site, "2026-03-20", "2026-03-21", "PT1H"),
                api.newPerson().token());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("sites:site.not-found");
    }

    @Test
    void refusesBadParametersWithTheirCodes() {
        var owner = api.newPerson();
        var site = data.site(owner);

        assertProblem(owner, flowsOf(site, "2026-03-20", "2026-03-21", "PT5M"), 422, "insights:interval.unsupported");
        assertProblem(owner, flowsOf(site, "2026-03-21", "2026-03-20", "PT1H"), 422, "insights:range.invalid");
        assertProblem(owner, flowsOf(site, "2020-01-01", "2026-03-20", "P1M"), 422, "insights:range.too-large");
        assertProblem(owner, flowsOf(site, "2026-01-01", "2026-06-01", "PT15M"), 422, "insights:range.too-large");
        assertProblem(owner, flowsOf(site, "soon", "2026-03-20", "PT1H"), 422, "telemetry:time.invalid");
        assertProblem(
                owner,
                "/api/v1/sites/" + site + "/flows?from=2026-03-20&to=2026-03-21",
                400,
                "request:parameter.missing");
    }

    @Test
    void isDescribedInTheApiDocumentation() {
        var paths = api.get("/api/docs/openapi.json", null).json().path("paths");

        assertThat(paths.has("/api/v1/sites/{siteId}/flows")).isTrue();
        assertThat(paths.has("/api/v1/sites/{siteId}/costs")).isTrue();
        assertThat(paths.path("/api/v1/sites/{siteId}/tariffs").has("put")).isTrue();
    }

    private void assertProblem(ApiClient.Account owner, String path, int status, String code) {
        var response = api.get(path, owner.token());
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(status);
        assertThat(response.code()).as(path).isEqualTo(code);
        if (code.startsWith("insights:")) {
            assertThat(response.json().path("detail").asString()).as(path).isNotBlank();
        }
    }

    static void assertFlows(
            JsonNode flows,
            long solarToHome,
            long solarToEv,
            long solarToBattery,
            long solarToGrid,
            long gridToHome,
            long gridToEv,
            long gridToBattery,
            long batteryToHome,
            long batteryToEv,
            long batteryToGrid) {
        assertThat(new long[] {
                    flows.path("solarToHomeWh").asLong(),
                    flows.path("solarToEvWh").asLong(),
                    flows.path("solarToBatteryWh").asLong(),
                    flows.path("solarToGridWh").asLong(),
                    flows.path("gridToHomeWh").asLong(),
                    flows.path("gridToEvWh").asLong(),
                    flows.path("gridToBatteryWh").asLong(),
                    flows.path("batteryToHomeWh").asLong(),
                    flows.path("batteryToEvWh").asLong(),
                    flows.path("batteryToGridWh").asLong()
                })
                .as(flows.toString())
                .containsExactly(
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

    private static String flowsOf(String site, String from, String to, String interval) {
        return "/api/v1/sites/%s/flows?from=%s&to=%s&interval=%s".formatted(site, from, to, interval);
    }
}
