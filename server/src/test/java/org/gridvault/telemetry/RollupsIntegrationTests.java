package org.gridvault.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.gridvault.devices.DeviceId;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class RollupsIntegrationTests {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private final ApiClient api;
    private final JdbcClient jdbc;
    private final Rollups rollups;
    private final TelemetryTestData data;
    private final TelemetryWriter writer;

    RollupsIntegrationTests(
            ApiClient api,
            JdbcClient jdbc,
            Rollups rollups,
            MutableClock clock,
            TransactionTemplate transactions,
            TelemetryWriter writer) {
        this.api = api;
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.data = new TelemetryTestData(api, jdbc, clock, transactions);
        this.writer = writer;
    }

    @Test
    void rollsUpWhatTheWriterWrote() throws Exception {
        var owner = api.newPerson();
        var site = data.site(owner, "Europe/Berlin");
        var pv = data.device(owner, site, "pv_inverter");
        var start = Instant.parse("2026-04-02T10:00:00Z");
        writer.append(TelemetryTestData.every(
                        pv,
                        Duration.ofMinutes(1),
                        start,
                        start.plus(Duration.ofHours(1)),
                        t -> Map.of(
                                Metric.ENERGY_PRODUCED_WH,
                                9_000.0 + 40 * Duration.between(start, t).toMinutes())))
                .get(30, java.util.concurrent.TimeUnit.SECONDS);
        rollups.rollUpPending();

        var hours = energy(owner, site, "2026-04-02T10:00:00Z", "2026-04-02T11:00:00Z", "PT1H");

        assertThat(hours.get(0).path("productionWh").asLong()).isEqualTo(2_400);
    }

    @Test
    void countsTwentyThreeHoursOnTheSpringForwardDayAndAddsThemUpToTheDay() {
        var owner = api.newPerson();
        var site = data.site(owner, "Europe/Berlin");
        var meter = data.device(owner, site, "grid_meter");
        data.write(steadyImport(meter, "2026-03-28T22:00:00Z", "2026-03-29T23:00:00Z"));
        rollups.rollUpPending();

        var hours = energy(owner, site, "2026-03-29", "2026-03-30", "PT1H");
        var day = energy(owner, site, "2026-03-29", "2026-03-30", "P1D");

        assertThat(hours.size()).isEqualTo(23);
        assertThat(hours.get(0).path("start").asString()).isEqualTo("2026-03-28T23:00:00Z");
        assertThat(hours.get(22).path("start").asString()).isEqualTo("2026-03-29T21:00:00Z");
        assertThat(day.size()).isEqualTo(1);
        assertThat(day.get(0).path("start").asString()).isEqualTo("2026-03-28T23:00:00Z");
        assertThat(day.get(0).path("gridImportWh").asLong()).isEqualTo(sum(hours, "gridImportWh"));
        assertThat(sum(hours, "gridImportWh")).isBetween(23 * 1_200L - 1, 23 * 1_200L + 1);
    }

    @Test
    void countsTwentyFiveHoursOnTheFallBackDayAndAddsThemUpToTheDayAndMonth() {
        var owner = api.newPerson();
        var site = data.site(owner, "Europe/Berlin");
        var meter = data.device(owner, site, "grid_meter");
        data.write(steadyImport(meter, "2026-10-24T21:00:00Z", "2026-10-26T00:00:00Z"));
        rollups.rollUpPending();

        var hours = energy(owner, site, "2026-10-25", "2026-10-26", "PT1H");
        var days = energy(owner, site, "2026-10-24", "2026-10-27", "P1D");
        var month = energy(owner, site, "2026-10-01", "2026-11-01", "P1M");

        assertThat(hours.size()).isEqualTo(25);
        assertThat(days.size()).isEqualTo(3);
        assertThat(days.get(1).path("start").asString()).isEqualTo("2026-10-24T22:00:00Z");
        assertThat(days.get(2).path("start").asString()).isEqualTo("2026-10-25T23:00:00Z");
        assertThat(days.get(1).path("gridImportWh").asLong()).isEqualTo(sum(hours, "gridImportWh"));
        assertThat(month.size()).isEqualTo(1);
        assertThat(month.get(0).path("start").asString()).isEqualTo("2026-09-30T22:00:00Z");
        assertThat(month.get(0).path("gridImportWh").asLong()).isEqualTo(sum(days, "gridImportWh"));
    }

    @Test
    void neverCountsNegativeEnergyForACounterThatRestartedAndFlagsTheReset() {
        var owner = api.newPerson();
        var site = data.site(owner, "Europe/Berlin");
        var meter = data.device(owner, site, "grid_meter");
        var values = List.of(5_000.0, 5_100.0, 5_200.0, 40.0, 140.0, 240.0);
        var start = Instant.parse("2026-03-10T10:00:00Z");
        data.write(java.util.stream.IntStream.range(0, values.size())
                .mapToObj(i -> Reading.of(
                        meter,
                        start.plus(FIVE_MINUTES.multipliedBy(i)),
                        Map.of(Metric.ENERGY_IMPORT_WH, values.get(i))))
                .toList());
        rollups.rollUpPending();

        var quarters = energy(owner, site, "2026-03-10T10:00:00Z", "2026-03-10T10:30:00Z", "PT15M");

        assertThat(quarters.valueStream().map(q -> q.path("gridImportWh").asLong()))
                .containsExactly(240L, 200L);
        var flagged = jdbc.sql("""
                        select bucket_start from telemetry.rollup_5m
                        where device_id = :device and resets & :bit <> 0
                        """)
                .param("device", meter.value())
                .param("bit", 1 << Metric.ENERGY_IMPORT_WH.ordinal())
                .query(Timestamp.class)
                .list();
        assertThat(flagged).containsExactly(Timestamp.from(start.plus(FIVE_MINUTES.multipliedBy(3))));
    }

    @Test
    void reaggregatesOnlyTheBucketsALateReadingTouches() {
        var owner = api.newPerson();
        var site = data.site(owner, "Europe/Berlin");
        var meter = data.device(owner, site, "grid_meter");
        var missing = List.of(Instant.parse("2026-03-12T10:35:00Z"), Instant.parse("2026-03-12T10:40:00Z"));
        data.write(steadyImport(meter, "2026-03-12T10:00:00Z", "2026-03-12T11:00:00Z").stream()
                .filter(reading -> !missing.contains(reading.ts()))
                .toList());
        rollups.rollUpPending();
        var before = Map.of(
                "5m 10:00", row("rollup_5m", meter, "2026-03-12T10:00:00Z"),
                "15m 10:00", row("rollup_15m", meter, "2026-03-12T10:00:00Z"),
                "5m 10:45", row("rollup_5m", meter, "2026-03-12T10:45:00Z"));
        assertThat(row("rollup_5m", meter, "2026-03-12T10:35:00Z").get("energy_import_wh"))
                .isEqualTo(100L);

        data.write(List.of(Reading.of(
                meter,
                Instant.parse("2026-03-12T10:40:00Z"),
                Map.of(Metric.ENERGY_IMPORT_WH, 1_000_850.0, Metric.POWER_W, 600.0))));
        rollups.rollUpPending();

        assertThat(Map.of(
                        "5m 10:00", row("rollup_5m", meter, "2026-03-12T10:00:00Z"),
                        "15m 10:00", row("rollup_15m", meter, "2026-03-12T10:00:00Z"),
                        "5m 10:45", row("rollup_5m", meter, "2026-03-12T10:45:00Z")))
                .as("rows of buckets the late reading does not touch, with their row versions")
                .isEqualTo(before);
        assertThat(List.of("10:30", "10:35", "10:40").stream()
                        .map(time -> row("rollup_5m", meter, "2026-03-12T" + time + ":00Z")
                                .get("energy_import_wh")))
                .containsExactly(125L, 125L, 50L);
        var quarter = row("rollup_15m", meter, "2026-03-12T10:30:00Z");
        assertThat(quarter.get("energy_import_wh")).isEqualTo(300L);
        assertThat(quarter.get("samples")).isEqualTo(2);
        assertThat(quarter.get("power_w_min")).isEqualTo(600.0f);
        assertThat(row("rollup_1h", meter, "2026-03-12T10:00:00Z").get("energy_import_wh"))
                .isEqualTo(1_200L);
    }

    @Test
    void integratesConsumptionFromPowerForAPlugWithoutCounter() {
        var owner = api.newPerson();
        var site = data.site(owner, "Asia/Kathmandu");
        var plug = data.device(owner, site, "smart_plug");
        data.write(TelemetryTestData.every(
                plug,
                Duration.ofSeconds(10),
                Instant.parse("2026-03-15T08:00:00Z"),
                Instant.parse("2026-03-15T09:00:00Z"),
                t -> Map.of(Metric.POWER_W, 1_000.0)));
        rollups.rollUpPending();

        var series = api.get(
                        "/api/v1/devices/" + plug
                                + "/series?metric=energy_consumed_wh&from=2026-03-15&to=2026-03-16&interval=P1D",
                        owner.token())
                .json();

        assertThat(series.size()).isEqualTo(1);
        assertThat(series.get(0).path("start").asString()).isEqualTo("2026-03-14T18:15:00Z");
        assertThat(series.get(0).path("energyWh").asLong()).isEqualTo(1_000L);
    }

    /** A meter importing 100 Wh every 5 minutes, with a reading every 5 minutes. */
    private static List<Reading> steadyImport(DeviceId meter, String from, String to) {
        var start = Instant.parse(from);
        return TelemetryTestData.every(
                meter,
                FIVE_MINUTES,
                start,
                Instant.parse(to),
                t -> Map.of(
                        Metric.ENERGY_IMPORT_WH,
                        1_000_000.0 + 100.0 * Duration.between(start, t).dividedBy(FIVE_MINUTES),
                        Metric.POWER_W,
                        1_200.0));
    }

    private JsonNode energy(ApiClient.Account owner, String site, String from, String to, String interval) {
        var response = api.get(
                "/api/v1/sites/%s/energy?from=%s&to=%s&interval=%s".formatted(site, from, to, interval), owner.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static long sum(JsonNode intervals, String field) {
        return intervals
                .valueStream()
                .mapToLong(node -> node.path(field).asLong())
                .sum();
    }

    /** A rollup row with its row version (xmin), which changes whenever the row is written. */
    private Map<String, Object> row(String table, DeviceId device, String start) {
        return jdbc.sql("select xmin::text as version, * from telemetry." + table
                        + " where device_id = :device and bucket_start = :start")
                .param("device", device.value())
                .param("start", Timestamp.from(Instant.parse(start)))
                .query()
                .singleRow();
    }
}
