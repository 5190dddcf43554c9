package org.gridvault.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SiteEnergyIntegrationTests {

    private static final Instant NINE = Instant.parse("2026-03-20T09:00:00Z");

    private final ApiClient api;
    private final JdbcClient jdbc;
    private final Rollups rollups;
    private final LocalCalendarRebuild calendar;
    private final TelemetryTestData data;

    SiteEnergyIntegrationTests(
            ApiClient api,
            JdbcClient jdbc,
            Rollups rollups,
            LocalCalendarRebuild calendar,
            MutableClock clock,
            TransactionTemplate transactions) {
        this.api = api;
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.calendar = calendar;
        this.data = new TelemetryTestData(api, jdbc, clock, transactions);
    }

    @Test
    void sumsGridMeterAndPvCountersAndDerivesConsumption() {
        var owner = api.newPerson();
        var site = homeWithMeterAndPv(owner);

        var response = api.get(energyOf(site, "2026-03-20T09:00:00Z", "2026-03-20T10:00:00Z", "PT15M"), owner.token());

        assertThat(response.status()).isEqualTo(200);
        var quarters = response.json();
        assertThat(quarters.size()).isEqualTo(4);
        var first = quarters.get(0);
        assertThat(first.path("start").asString()).isEqualTo("2026-03-20T09:00:00Z");
        assertThat(first.path("gridImportWh").asLong()).isEqualTo(300);
        assertThat(first.path("gridExportWh").asLong()).isEqualTo(150);
        assertThat(first.path("productionWh").asLong()).isEqualTo(750);
        assertThat(first.path("batteryChargeWh").asLong()).isZero();
        assertThat(first.path("batteryDischargeWh").asLong()).isZero();
        assertThat(first.path("evChargingWh").asLong()).isZero();
        assertThat(first.path("consumptionWh").asLong()).isEqualTo(750 + 300 - 150);
    }

    @Test
    void returnsEveryIntervalOfTheRangeWithZerosWhereNothingWasMeasured() {
        var owner = api.newPerson();
        var site = homeWithMeterAndPv(owner);

        var hours = api.get(energyOf(site, "2026-03-20T08:00:00Z", "2026-03-20T12:00:00Z", "PT1H"), owner.token())
                .json();

        assertThat(hours.valueStream().map(hour -> hour.path("start").asString()))
                .containsExactly(
                        "2026-03-20T08:00:00Z", "2026-03-20T09:00:00Z", "2026-03-20T10:00:00Z", "2026-03-20T11:00:00Z");
        assertThat(hours.valueStream().map(hour -> hour.path("consumptionWh").asLong()))
                .containsExactly(0L, 3_600L, 0L, 0L);
    }

    @Test
    void countsTheHistoryOfDecommissionedDevices() {
        var owner = api.newPerson();
        var site = data.site(owner, "Europe/Berlin");
        var pv = data.device(owner, site, "pv_inverter");
        data.write(TelemetryTestData.every(
                pv,
                Duration.ofMinutes(5),
                NINE,
                NINE.plus(Duration.ofHours(1)),
                t -> Map.of(
                        Metric.ENERGY_PRODUCED_WH,
                        50.0 * Duration.between(NINE, t).toMinutes())));
        rollups.rollUpPending();
        assertThat(api.delete("/api/v1/devices/" + pv, owner.token()).status()).isEqualTo(200);

        var day = api.get(energyOf(site, "2026-03-20", "2026-03-21", "P1D"), owner.token())
                .json();

        assertThat(day.get(0).path("productionWh").asLong()).isEqualTo(3_000);
    }

    @Test
    void countsDaysInTheNewTimeZoneOnceASiteMoves() {
        var owner = api.newPerson();
        var moved = data.site(owner, "Europe/Berlin");
        var local = data.site(owner, "America/New_York");
        writeFiveDaysOfProduction(owner, moved, local);
        data.device(owner, moved, "ev_charger"); // has never reported: nothing to rebuild
        var days = energyOf(moved, "2026-03-19", "2026-03-22", "P1D");
        var before = api.get(days, owner.token()).json();

        var change = api.patch("/api/v1/sites/" + moved, owner.token(), Map.of("timeZone", "America/New_York"));

        assertThat(change.status()).isEqualTo(200);
        var expected = api.get(energyOf(local, "2026-03-19", "2026-03-22", "P1D"), owner.token())
                .json();
        // The days are rebuilt in the background once the change is committed.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertNewYorkDays(api.get(days, owner.token()).json(), expected));
        assertThat(production(expected)).isNotEqualTo(production(before));
        var months = energyOf(moved, "2026-03-01", "2026-04-01", "P1M");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.get(months, owner.token())
                                .json()
                                .get(0)
                                .path("start")
                                .asString())
                        .isEqualTo("2026-03-01T05:00:00Z"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(pendingRebuilds(moved)).isZero());
    }

    @Test
    void takesUpARebuildThatAStopInterrupted() {
        var owner = api.newPerson();
        var moved = data.site(owner, "Europe/Berlin");
        var local = data.site(owner, "America/New_York");
        writeFiveDaysOfProduction(owner, moved, local);
        // As a stop right after the change committed would leave it: the new zone and the request to rebuild, with
        // the days still counted in the old zone.
        jdbc.sql("update sites.sites set time_zone = 'America/New_York' where id = :site")
                .param("site", UUID.fromString(moved))
                .update();
        jdbc.sql("insert into telemetry.calendar_rebuilds (site_id, requested_at) values (:site, now())")
                .param("site", UUID.fromString(moved))
                .update();
        var days = energyOf(moved, "2026-03-19", "2026-03-22", "P1D");
        var expected = api.get(energyOf(local, "2026-03-19", "2026-03-22", "P1D"), owner.token())
                .json();
        assertThat(production(api.get(days, owner.token()).json()))
                .as("New York days, but only Berlin days stored")
                .containsOnly(0L);

        calendar.rebuildPending();

        assertNewYorkDays(api.get(days, owner.token()).json(), expected);
        assertThat(pendingRebuilds(moved)).isZero();
    }

    @Test
    void keepsTheDaysOlderThanTheHourlyHistoryWhenASiteMoves() {
        var owner = api.newPerson();
        var moved = data.site(owner, "Europe/Berlin");
        var local = data.site(owner, "America/New_York");
        writeFiveDaysOfProduction(owner, moved, local);
        var berlinDays = api.get(energyOf(moved, "2026-03-19", "2026-03-22", "P1D"), owner.token())
                .json();
        // As retention leaves a site with years of history: no five-minute buckets any more, and no quarter hours or
        // hours before New York's 20 March; only its days and months reach further back.
        var pv = UUID.fromString(jdbc.sql("select id::text from devices.devices where site_id = :site")
                .param("site", UUID.fromString(moved))
                .query(String.class)
                .single());
        jdbc.sql("delete from telemetry.rollup_5m where device_id = :pv")
                .param("pv", pv)
                .update();
        for (var tier : List.of("rollup_15m", "rollup_1h")) {
            jdbc.sql("delete from telemetry." + tier + " where device_id = :pv and bucket_start < :cut")
                    .param("pv", pv)
                    .param("cut", java.sql.Timestamp.from(Instant.parse("2026-03-20T04:00:00Z")))
                    .update();
        }

        api.patch("/api/v1/sites/" + moved, owner.token(), Map.of("timeZone", "America/New_York"));
        calendar.rebuildPending();

        var after = api.get(energyOf(moved, "2026-03-19", "2026-03-22", "P1D"), owner.token())
                .json();
        var expected = api.get(energyOf(local, "2026-03-19", "2026-03-22", "P1D"), owner.token())
                .json();
        assertThat(after.valueStream().map(day -> day.path("start").asString()))
                .containsExactly("2026-03-19T04:00:00Z", "2026-03-20T04:00:00Z", "2026-03-21T04:00:00Z");
        assertThat(production(after))
                .as("19 March keeps its Berlin total; the days the hours still cover are New York days")
                .containsExactly(
                        production(berlinDays).getFirst(),
                        production(expected).get(1),
                        production(expected).get(2));
        var march = energyOf(moved, "2026-03-01", "2026-04-01", "P1M");
        var days = energyOf(moved, "2026-03-01", "2026-04-01", "P1D");
        assertThat(production(api.get(march, owner.token()).json()))
                .as("March, summed from its days")
                .containsExactly(production(api.get(days, owner.token()).json()).stream()
                        .mapToLong(Long::longValue)
                        .sum());
    }

    /** Days of March 2026 in New York, each with the production of the same day on a site that was always there. */
    private static void assertNewYorkDays(JsonNode days, JsonNode expected) {
        assertThat(days.valueStream().map(day -> day.path("start").asString()))
                .containsExactly("2026-03-19T04:00:00Z", "2026-03-20T04:00:00Z", "2026-03-21T04:00:00Z");
        assertThat(production(days)).containsExactlyElementsOf(production(expected));
    }

    private static List<Long> production(JsonNode days) {
        return days.valueStream().map(day -> day.path("productionWh").asLong()).toList();
    }

    /** The same five days of a PV inverter on each site, rolled up. */
    private void writeFiveDaysOfProduction(ApiClient.Account owner, String... sites) {
        for (var site : sites) {
            // More energy each day than the day before, so where a day begins changes what it holds.
            var start = Instant.parse("2026-03-18T00:00:00Z");
            data.write(TelemetryTestData.every(
                    data.device(owner, site, "pv_inverter"),
                    Duration.ofMinutes(15),
                    start,
                    Instant.parse("2026-03-23T00:00:00Z"),
                    t -> Map.of(Metric.ENERGY_PRODUCED_WH, producedUntil(start, t))));
        }
        rollups.rollUpPending();
    }

    private long pendingRebuilds(String site) {
        return jdbc.sql("select count(*) from telemetry.calendar_rebuilds where site_id = :site")
                .param("site", UUID.fromString(site))
                .query(Long.class)
                .single();
    }

    /** A meter that produces ten times as many watt-hours per quarter hour as the day of the month (UTC). */
    private static double producedUntil(Instant start, Instant t) {
        double produced = 0;
        for (var q = start; q.isBefore(t); q = q.plus(Duration.ofMinutes(15))) {
            produced += 10 * q.atZone(java.time.ZoneOffset.UTC).getDayOfMonth();
        }
        return produced;
    }

    @Test
    void offersTheSameAsCsvWithAHeaderRow() {
        var owner = api.newPerson();
        var site = homeWithMeterAndPv(owner);

        var response =
                api.get(energyCsvOf(site, "2026-03-20T09:00:00Z", "2026-03-20T09:30:00Z", "PT15M"), owner.token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(response.body().split("\r\n"))
                .containsExactly(
                        "start,gridImportWh,gridExportWh,productionWh,batteryChargeWh,batteryDischargeWh,"
                                + "evChargingWh,consumptionWh",
                        "2026-03-20T09:00:00Z,300,150,750,0,0,0,900",
                        "2026-03-20T09:15:00Z,300,150,750,0,0,0,900");
    }

    @Test
    void isNotFoundForSomeoneWhoCannotSeeTheSite() {
        var site = data.site(api.newPerson(), "Europe/Berlin");
        var stranger = api.newPerson();

        var json = api.get(energyOf(site, "2026-03-20", "2026-03-21", "PT1H"), stranger.token());
        var csv = api.get(energyCsvOf(site, "2026-03-20", "2026-03-21", "PT1H"), stranger.token());

        assertThat(json.status()).isEqualTo(404);
        assertThat(json.code()).isEqualTo("sites:site.not-found");
        assertThat(csv.status()).isEqualTo(404);
        assertThat(csv.code()).isEqualTo("sites:site.not-found");
    }

    @Test
    void refusesBadParametersWithTheirCodes() {
        var owner = api.newPerson();
        var site = data.site(owner, "Europe/Berlin");

        assertProblem(owner, energyOf(site, "2026-03-20", "2026-03-21", "PT5M"), 422, "telemetry:interval.unsupported");
        assertProblem(owner, energyOf(site, "2026-03-20", "2026-03-21", "P1W"), 422, "telemetry:interval.unsupported");
        assertProblem(owner, energyOf(site, "2026-03-21", "2026-03-20", "PT1H"), 422, "telemetry:range.invalid");
        assertProblem(owner, energyOf(site, "2026-03-20", "2026-03-20", "PT1H"), 422, "telemetry:range.invalid");
        assertProblem(owner, energyOf(site, "yesterday", "2026-03-20", "PT1H"), 422, "telemetry:time.invalid");
        assertProblem(owner, energyOf(site, "2020-01-01", "2026-03-20", "PT15M"), 422, "telemetry:range.too-large");
        assertProblem(
                owner,
                "/api/v1/sites/" + site + "/energy?from=2026-03-20&to=2026-03-21",
                400,
                "request:parameter.missing");
        var tooLarge = api.get(energyCsvOf(site, "2020-01-01", "2026-03-20", "PT1H"), owner.token());
        assertThat(tooLarge.json().path("limit").asInt()).isEqualTo(10_000);
    }

    @Test
    void answersAProblemToACsvClientToo() {
        var owner = api.newPerson();
        var site = data.site(owner, "Europe/Berlin");

        var response = api.send(api.request(energyCsvOf(site, "2026-03-21", "2026-03-20", "P1D"))
                .header("Authorization", "Bearer " + owner.token())
                .header("Accept", "text/csv"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("telemetry:range.invalid");
    }

    @Test
    void isDescribedInTheApiDocumentation() {
        var paths = api.get("/api/docs/openapi.json", null).json().path("paths");

        assertThat(paths.has("/api/v1/sites/{siteId}/energy")).isTrue();
        assertThat(paths.has("/api/v1/sites/{siteId}/energy.csv")).isTrue();
        assertThat(paths.has("/api/v1/devices/{deviceId}/series")).isTrue();
    }

    private void assertProblem(ApiClient.Account owner, String path, int status, String code) {
        var response = api.get(path, owner.token());
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(status);
        assertThat(response.code()).as(path).isEqualTo(code);
    }

    /**
     * A site whose grid meter imports 100 Wh and exports 50 Wh and whose PV inverter produces 250 Wh every 5 minutes
     * from 09:00 to 10:00 UTC on 2026-03-20.
     */
    private String homeWithMeterAndPv(ApiClient.Account owner) {
        var site = data.site(owner, "Europe/Berlin");
        var meter = data.device(owner, site, "grid_meter");
        var pv = data.device(owner, site, "pv_inverter");
        var end = NINE.plus(Duration.ofHours(1));
        data.write(TelemetryTestData.every(meter, Duration.ofMinutes(5), NINE, end, t -> {
            long steps = Duration.between(NINE, t).toMinutes() / 5;
            return Map.of(
                    Metric.ENERGY_IMPORT_WH, 10_000.0 + 100 * steps,
                    Metric.ENERGY_EXPORT_WH, 2_000.0 + 50 * steps,
                    Metric.POWER_W, 600.0);
        }));
        data.write(TelemetryTestData.every(
                pv,
                Duration.ofMinutes(5),
                NINE,
                end,
                t -> Map.of(
                        Metric.ENERGY_PRODUCED_WH,
                        500_000.0 + 250 * (Duration.between(NINE, t).toMinutes() / 5))));
        rollups.rollUpPending();
        return site;
    }

    private static String energyOf(String site, String from, String to, String interval) {
        return "/api/v1/sites/%s/energy?from=%s&to=%s&interval=%s".formatted(site, from, to, interval);
    }

    private static String energyCsvOf(String site, String from, String to, String interval) {
        return "/api/v1/sites/%s/energy.csv?from=%s&to=%s&interval=%s".formatted(site, from, to, interval);
    }
}
