package org.gridvault.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.gridvault.devices.DeviceId;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class DeviceSeriesIntegrationTests {

    private static final Instant SIX = Instant.parse("2026-03-25T06:00:00Z");

    private final ApiClient api;
    private final Rollups rollups;
    private final TelemetryTestData data;

    DeviceSeriesIntegrationTests(
            ApiClient api, JdbcClient jdbc, Rollups rollups, MutableClock clock, TransactionTemplate transactions) {
        this.api = api;
        this.rollups = rollups;
        this.data = new TelemetryTestData(api, jdbc, clock, transactions);
    }

    @Test
    void givesAverageMinimumAndMaximumOfAGaugePerInterval() {
        var owner = api.newPerson();
        var inverter = inverterWithReadings(owner);

        var quarters = api.get(
                        seriesOf(inverter, "power_w", "2026-03-25T06:00:00Z", "2026-03-25T07:00:00Z", "PT15M"),
                        owner.token())
                .json();

        assertThat(quarters.size()).isEqualTo(4);
        var first = quarters.get(0);
        assertThat(first.path("start").asString()).isEqualTo("2026-03-25T06:00:00Z");
        assertThat(first.path("min").asDouble()).isEqualTo(1_000.0);
        assertThat(first.path("max").asDouble()).isEqualTo(1_145.0);
        assertThat(first.path("avg").asDouble()).isEqualTo(1_072.5);
    }

    @Test
    void givesTheEnergyOfACounterPerIntervalAndOnlyIntervalsWithData() {
        var owner = api.newPerson();
        var inverter = inverterWithReadings(owner);

        var hours = api.get(seriesOf(inverter, "energy_produced_wh", "2026-03-25", "2026-03-26", "PT1H"), owner.token())
                .json();

        assertThat(hours.valueStream().map(hour -> hour.path("start").asString() + " " + hour.path("energyWh")))
                .containsExactly("2026-03-25T06:00:00Z 600", "2026-03-25T07:00:00Z 0");
    }

    @Test
    void givesRawReadingsWithoutInterval() {
        var owner = api.newPerson();
        var inverter = inverterWithReadings(owner);

        var raw = api.get(
                        seriesOf(inverter, "power_w", "2026-03-25T06:00:00Z", "2026-03-25T06:01:00Z", null),
                        owner.token())
                .json();

        assertThat(raw.valueStream().map(point -> point.path("ts").asString() + " " + point.path("value")))
                .containsExactly("2026-03-25T06:00:00Z 1000.0", "2026-03-25T06:00:30Z 1005.0");
    }

    @Test
    void isNotFoundForSomeoneWhoCannotSeeTheDevice() {
        var inverter = inverterWithReadings(api.newPerson());

        var response = api.get(
                seriesOf(inverter, "power_w", "2026-03-25", "2026-03-26", "PT1H"),
                api.newPerson().token());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("devices:device.not-found");
    }

    @Test
    void refusesBadParametersWithTheirCodes() {
        var owner = api.newPerson();
        var site = data.site(owner, "Europe/Berlin");
        var meter = data.device(owner, site, "grid_meter");

        assertProblem(
                owner, seriesOf(meter, "power_kw", "2026-03-25", "2026-03-26", "PT1H"), "telemetry:metric.unknown");
        assertProblem(
                owner,
                seriesOf(meter, "power_w", "2026-03-25", "2026-03-26", "PT2H"),
                "telemetry:interval.unsupported");
        assertProblem(owner, seriesOf(meter, "power_w", "2026-03-26", "2026-03-25", "PT1H"), "telemetry:range.invalid");
        assertProblem(
                owner, seriesOf(meter, "power_w", "2026-03-25", "2026-03-28", null), "telemetry:interval.required");
        assertProblem(
                owner, seriesOf(meter, "power_w", "2026-01-01", "2026-03-25", "PT5M"), "telemetry:range.too-large");
        assertProblem(
                owner,
                seriesOf(meter, "power_w", "2026-03-25T25:00:00Z", "2026-03-26", "PT1H"),
                "telemetry:time.invalid");
    }

    private void assertProblem(ApiClient.Account owner, String path, String code) {
        var response = api.get(path, owner.token());
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(422);
        assertThat(response.code()).as(path).isEqualTo(code);
    }

    /**
     * A PV inverter reporting every 30 s from 06:00 to 07:00 UTC, both included: power rising 5 W a reading, the
     * counter 5 Wh a reading.
     */
    private DeviceId inverterWithReadings(ApiClient.Account owner) {
        var site = data.site(owner, "Europe/Berlin");
        var inverter = data.device(owner, site, "pv_inverter");
        data.write(TelemetryTestData.every(inverter, Duration.ofSeconds(30), SIX, SIX.plus(Duration.ofHours(1)), t -> {
            long n = Duration.between(SIX, t).toSeconds() / 30;
            return Map.of(Metric.POWER_W, 1_000.0 + 5 * n, Metric.ENERGY_PRODUCED_WH, 70_000.0 + 5 * n);
        }));
        rollups.rollUpPending();
        return inverter;
    }

    private static String seriesOf(DeviceId device, String metric, String from, String to, String interval) {
        return "/api/v1/devices/%s/series?metric=%s&from=%s&to=%s".formatted(device, metric, from, to)
                + (interval == null ? "" : "&interval=" + interval);
    }
}
