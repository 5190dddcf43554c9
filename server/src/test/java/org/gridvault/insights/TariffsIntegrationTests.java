package org.gridvault.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.telemetry.Rollups;
import org.gridvault.telemetry.TelemetryWriter;
import org.junit.jupiter.api.Test;

@IntegrationTest
class TariffsIntegrationTests {

    private final ApiClient api;
    private final InsightsTestData data;

    TariffsIntegrationTests(ApiClient api, TelemetryWriter writer, Rollups rollups) {
        this.api = api;
        this.data = new InsightsTestData(api, writer, rollups);
    }

    @Test
    void storesVersionsAndReplacesTheOneWithTheSameDate() {
        var owner = api.newPerson();
        var site = data.site(owner);

        assertThat(put(owner, site, timeOfUse("2026-03-01")).status()).isEqualTo(200);
        assertThat(put(owner, site, flat("2026-04-01", "0.20")).status()).isEqualTo(200);
        var replaced = put(owner, site, flat("2026-04-01", "0.21"));

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        var versions = api.get(tariffsOf(site), owner.token()).json();
        assertThat(versions.size()).isEqualTo(2);
        var first = versions.get(0);
        assertThat(first.path("validFrom").asString()).isEqualTo("2026-03-01");
        assertThat(first.path("currency").asString()).isEqualTo("EUR");
        assertThat(first.path("importPricePerKwh").decimalValue()).isEqualByComparingTo("0.30");
        assertThat(first.path("exportPricePerKwh").decimalValue()).isEqualByComparingTo("0.08");
        assertThat(first.path("dailyCharge").decimalValue()).isEqualByComparingTo("0.48");
        var band = first.path("importBands").get(0);
        assertThat(band.path("from").asString()).isEqualTo("17:00");
        assertThat(band.path("to").asString()).isEqualTo("21:00");
        assertThat(band.path("pricePerKwh").decimalValue()).isEqualByComparingTo("0.50");
        assertThat(band.path("days").valueStream().map(day -> day.asString()))
                .containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
        assertThat(versions.get(1).path("importPricePerKwh").decimalValue()).isEqualByComparingTo("0.21");
        assertThat(versions.get(1).path("importBands").size()).isZero();
    }

    @Test
    void letsOnlyTheOwnerChangeTariffsButViewersSeeThem() {
        var owner = api.newPerson();
        var site = data.site(owner);
        put(owner, site, flat("2026-03-01", "0.30"));
        var viewer = api.newPerson();
        var invited = api.post(
                "/api/v1/sites/" + site + "/grants", owner.token(), Map.of("email", viewer.email(), "role", "viewer"));
        var grant = invited.json().path("id").asString();
        assertThat(api.post("/api/v1/me/invitations/" + grant + "/accept", viewer.token(), null)
                        .status())
                .isEqualTo(200);

        var byViewer = put(viewer, site, flat("2026-03-01", "0.01"));
        var byStranger = put(api.newPerson(), site, flat("2026-03-01", "0.01"));

        assertThat(byViewer.status()).isEqualTo(403);
        assertThat(byViewer.code()).isEqualTo("sites:permission.denied");
        assertThat(byStranger.status()).isEqualTo(404);
        assertThat(byStranger.code()).isEqualTo("sites:site.not-found");
        var seen = api.get(tariffsOf(site), viewer.token());
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().get(0).path("importPricePerKwh").decimalValue()).isEqualByComparingTo("0.30");
    }

    @Test
    void refusesInvalidTariffsWithStableCodes() {
        var owner = api.newPerson();
        var site = data.site(owner);

        assertRefused(owner, site, with(flat("2026-03-01", "0.30"), "currency", "EURO"), "insights:currency.unknown");
        assertRefused(owner, site, with(flat("2026-03-01", "0.30"), "currency", "eur"), "insights:currency.unknown");
        assertRefused(owner, site, with(flat("2026-03-01", "0.30"), "currency", "XYZ"), "insights:currency.unknown");
        assertRefused(owner, site, flat("2026-03-01", "-0.30"), "insights:price.negative");
        assertRefused(owner, site, with(flat("2026-03-01", "0.30"), "dailyCharge", -1), "insights:price.negative");
        assertRefused(owner, site, flat("2026-03-01", "0.1234567"), "insights:price.invalid");
        assertRefused(
                owner, site, with(flat("2026-03-01", "0.30"), "validFrom", "March"), "insights:tariff.date-invalid");
        var missing = flat("2026-03-01", "0.30");
        missing.remove("currency");
        assertRefused(owner, site, missing, "insights:tariff.field-missing");
        assertRefused(
                owner,
                site,
                withBands(band(List.of("MONDAY", "Funday"), "07:00", "09:00", "0.4")),
                "insights:weekday.unknown");
        assertRefused(
                owner,
                site,
                withBands(
                        band(List.of("MON", "TUE"), "07:00", "12:00", "0.4"),
                        band(List.of("TUESDAY"), "11:45", "13:00", "0.5")),
                "insights:band.overlap");
        assertRefused(
                owner, site, withBands(band(List.of("MON"), "07:10", "09:00", "0.4")), "insights:band.time-invalid");
        assertRefused(
                owner, site, withBands(band(List.of("MON"), "22:00", "06:00", "0.4")), "insights:band.time-invalid");
        assertRefused(
                owner, site, withBands(band(List.of("MON"), "7 am", "09:00", "0.4")), "insights:band.time-invalid");
        assertRefused(owner, site, withBands(band(List.of(), "07:00", "09:00", "0.4")), "insights:band.days-missing");
        assertThat(api.get(tariffsOf(site), owner.token()).json().size())
                .as("nothing stored")
                .isZero();
    }

    @Test
    void acceptsBandsThatTouchAndOneThatRunsToMidnight() {
        var owner = api.newPerson();
        var site = data.site(owner);

        var response = put(
                owner,
                site,
                withBands(
                        band(List.of("SATURDAY", "SUNDAY"), "00:00", "08:00", "0.20"),
                        band(List.of("SATURDAY", "SUNDAY"), "08:00", "24:00", "0.28"),
                        band(List.of("MONDAY"), "18:00", "00:00", "0.45")));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var bands = response.json().get(0).path("importBands");
        assertThat(bands.size()).isEqualTo(3);
        assertThat(bands.get(1).path("to").asString()).isEqualTo("00:00");
    }

    @Test
    void keepsOneCurrencyPerSite() {
        var owner = api.newPerson();
        var site = data.site(owner);
        put(owner, site, flat("2026-03-01", "0.30"));

        var response = put(owner, site, with(flat("2026-04-01", "0.30"), "currency", "CHF"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("insights:currency.changed");
        assertThat(response.json().path("currency").asString()).isEqualTo("EUR");
        assertThat(put(owner, site, with(flat("2026-03-01", "0.30"), "currency", "CHF"))
                        .status())
                .as("replacing the only version may change the currency")
                .isEqualTo(200);
    }

    private void assertRefused(ApiClient.Account owner, String site, Map<String, Object> tariff, String code) {
        var response = put(owner, site, tariff);
        assertThat(response.status()).as(tariff + ": " + response.body()).isEqualTo(422);
        assertThat(response.code()).as(tariff.toString()).isEqualTo(code);
        assertThat(response.json().path("detail").asString()).isNotBlank();
    }

    private ApiClient.Response put(ApiClient.Account person, String site, Map<String, Object> tariff) {
        return api.put(tariffsOf(site), person.token(), tariff);
    }

    /** Weekdays 17:00-21:00 at 0.50 (weekdays named as people write them), otherwise 0.30; export 0.08; 0.48 a day (EUR). */
    static Map<String, Object> timeOfUse(String validFrom) {
        var tariff = flat(validFrom, "0.30");
        tariff.put(
                "importBands",
                List.of(band(List.of("FRIDAY", "mon", "Wednesday", "THU", "tue"), "17:00", "21:00", "0.50")));
        return tariff;
    }

    static Map<String, Object> flat(String validFrom, String price) {
        var tariff = new HashMap<String, Object>();
        tariff.put("validFrom", validFrom);
        tariff.put("currency", "EUR");
        tariff.put("importPricePerKwh", new java.math.BigDecimal(price));
        tariff.put("exportPricePerKwh", new java.math.BigDecimal("0.08"));
        tariff.put("dailyCharge", new java.math.BigDecimal("0.48"));
        return tariff;
    }

    private static Map<String, Object> with(Map<String, Object> tariff, String field, Object value) {
        tariff.put(field, value);
        return tariff;
    }

    @SafeVarargs
    private static Map<String, Object> withBands(Map<String, Object>... bands) {
        return with(flat("2026-03-01", "0.30"), "importBands", List.of(bands));
    }

    static Map<String, Object> band(List<String> days, String from, String to, String price) {
        return Map.of("days", days, "from", from, "to", to, "pricePerKwh", new java.math.BigDecimal(price));
    }

    static String tariffsOf(String site) {
        return "/api/v1/sites/" + site + "/tariffs";
    }
}
