package org.gridvault.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.telemetry.Rollups;
import org.gridvault.telemetry.TelemetryWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class EnergyCostsIntegrationTests {

    private final ApiClient api;
    private final InsightsTestData data;

    EnergyCostsIntegrationTests(ApiClient api, TelemetryWriter writer, Rollups rollups) {
        this.api = api;
        this.data = new InsightsTestData(api, writer, rollups);
    }

    @Test
    void pricesImportByTimeOfUseAndAddsExportRevenueAndTheDailyCharge() {
        var owner = api.newPerson();
        var site = data.homeWithADay(owner);
        putTariff(owner, site, TariffsIntegrationTests.timeOfUse("2026-03-01"));

        var response = api.get(costsOf(site, "2026-03-20", "2026-03-22", "P1D"), owner.token());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var costs = response.json();
        assertThat(costs.path("currency").asString()).isEqualTo("EUR");
        assertThat(response.body()).as("amounts in cents").contains("\"importCost\":0.30,", "\"net\":0.73}");
        // Friday: 600 Wh imported 19:00-20:00 local (peak, 0.50) = 0.30; 600 Wh exported at 0.08 = 0.048; 0.48 a day.
        assertAmounts(costs.path("intervals").get(0), "0.30", "0.05", "0.48", "0.73");
        assertThat(costs.path("intervals").get(0).path("gridImportWh").asLong()).isEqualTo(600);
        assertThat(costs.path("intervals").get(0).path("gridExportWh").asLong()).isEqualTo(600);
        // Saturday: nothing measured, the daily charge still applies.
        assertAmounts(costs.path("intervals").get(1), "0.00", "0.00", "0.48", "0.48");
        // Total from exact sums: 0.30 + 0.96 - 0.048 = 1.212.
        assertAmounts(costs.path("total"), "0.30", "0.05", "0.96", "1.21");
    }

    @Test
    void givesEachIntervalItsShareOfTheDailyCharge() {
        var owner = api.newPerson();
        var site = data.homeWithADay(owner);
        putTariff(owner, site, TariffsIntegrationTests.timeOfUse("2026-03-01"));

        var hours = api.get(costsOf(site, "2026-03-20T17:00:00Z", "2026-03-20T19:00:00Z", "PT1H"), owner.token())
                .json()
                .path("intervals");

        // 0.48 a day is 0.005 per quarter hour, 0.02 per hour.
        assertAmounts(hours.get(0), "0.00", "0.00", "0.02", "0.02");
        assertAmounts(hours.get(1), "0.30", "0.00", "0.02", "0.32");
    }

    @Test
    void aNewTariffVersionDoesNotChangeTheCostOfTheDaysBeforeIt() {
        var owner = api.newPerson();
        var site = data.homeWithADay(owner);
        putTariff(owner, site, TariffsIntegrationTests.timeOfUse("2026-03-01"));
        var before = api.get(costsOf(site, "2026-03-20", "2026-03-22", "P1D"), owner.token())
                .json()
                .path("intervals");

        var cheaper = TariffsIntegrationTests.flat("2026-03-21", "0.20");
        cheaper.put("dailyCharge", new java.math.BigDecimal("0.60"));
        putTariff(owner, site, cheaper);
        var after = api.get(costsOf(site, "2026-03-20", "2026-03-22", "P1D"), owner.token())
                .json()
                .path("intervals");

        assertThat(after.get(0)).isEqualTo(before.get(0));
        assertAmounts(after.get(0), "0.30", "0.05", "0.48", "0.73");
        assertAmounts(after.get(1), "0.00", "0.00", "0.60", "0.60");
    }

    @Test
    void chargesExactlyOneDailyChargeOnDaysOf23And25Hours() {
        var owner = api.newPerson();
        var site = data.site(owner);
        putTariff(owner, site, TariffsIntegrationTests.flat("2026-03-01", "0.30"));

        var spring = api.get(costsOf(site, "2026-03-29", "2026-03-30", "PT1H"), owner.token())
                .json();
        var autumn = api.get(costsOf(site, "2026-10-25", "2026-10-26", "PT15M"), owner.token())
                .json();

        assertThat(spring.path("intervals").size()).isEqualTo(23);
        assertThat(spring.path("total").path("fixedCharge").decimalValue()).isEqualByComparingTo("0.48");
        assertThat(autumn.path("intervals").size()).isEqualTo(100);
        assertThat(autumn.path("total").path("fixedCharge").decimalValue()).isEqualByComparingTo("0.48");
    }

    @Test
    void sitesWithoutATariffSayHowToAddOne() {
        var owner = api.newPerson();
        var site = data.site(owner);

        var response = api.get(costsOf(site, "2026-03-20", "2026-03-21", "P1D"), owner.token());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("insights:tariff.not-found");
        assertThat(response.json().path("detail").asString()).contains("PUT /api/v1/sites/" + site + "/tariffs");
    }

    @Test
    void isNotFoundForSomeoneWhoCannotSeeTheSite() {
        var owner = api.newPerson();
        var site = data.site(owner);
        putTariff(owner, site, TariffsIntegrationTests.flat("2026-03-01", "0.30"));

        var response = api.get(
                costsOf(site, "2026-03-20", "2026-03-21", "P1D"),
                api.newPerson().token());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("sites:site.not-found");
    }

    private void putTariff(ApiClient.Account owner, String site, Object tariff) {
        var response = api.put(TariffsIntegrationTests.tariffsOf(site), owner.token(), tariff);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static void assertAmounts(
            JsonNode interval, String importCost, String exportRevenue, String fixedCharge, String net) {
        var what = interval.toString();
        assertThat(interval.path("importCost").decimalValue()).as(what).isEqualByComparingTo(importCost);
        assertThat(interval.path("exportRevenue").decimalValue()).as(what).isEqualByComparingTo(exportRevenue);
        assertThat(interval.path("fixedCharge").decimalValue()).as(what).isEqualByComparingTo(fixedCharge);
        assertThat(interval.path("net").decimalValue()).as(what).isEqualByComparingTo(net);
    }

    private static String costsOf(String site, String from, String to, String interval) {
        return "/api/v1/sites/%s/costs?from=%s&to=%s&interval=%s".formatted(site, from, to, interval);
    }
}
