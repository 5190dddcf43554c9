package org.gridvault.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.gridvault.StoredSamples;
import org.gridvault.TestDevices;
import org.gridvault.TestDevices.TestDevice;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Readings arrive more than once (a device resends what was not acknowledged) and in pieces (metrics of one instant in
 * separate messages). A device may number its readings with {@code seq}: a number seen again is a duplicate and
 * dropped, a number skipped is a gap and counted. Re-sent readings never change what is stored.
 */
@IntegrationTest
class RepeatedReadingsIntegrationTests {

    private final ApiClient api;
    private final TestDevices devices;
    private final StoredSamples samples;
    private final MutableClock clock;

    RepeatedReadingsIntegrationTests(ApiClient api, JdbcClient jdbc, MutableClock clock) {
        this.api = api;
        this.devices = new TestDevices(api);
        this.samples = new StoredSamples(jdbc);
        this.clock = clock;
    }

    @Test
    void dropsAReadingWhoseSequenceNumberWasSeen() {
        var meter = devices.register("grid_meter");
        var ts = now();
        var reading = "{\"ts\": \"%s\", \"seq\": 5, \"values\": {\"power_w\": 100}}".formatted(ts);
        assertThat(report(meter, reading).json().path("accepted").asInt()).isOne();

        var again = report(meter, reading);

        assertThat(again.json().path("accepted").asInt()).isZero();
        assertThat(again.json().path("duplicates").asInt()).isOne();
        assertThat(samples.count(meter.uuid())).isOne();
        assertThat(devices.latest(meter).path("duplicates").asLong()).isOne();
        assertThat(devices.latest(meter).path("sequenceGaps").asLong()).isZero();
    }

    @Test
    void countsTheReadingsASkippedSequenceNumberStandsFor() {
        var meter = devices.register("grid_meter");
        var ts = now();

        report(meter, "{\"ts\": \"%s\", \"seq\": 1, \"values\": {\"power_w\": 100}}".formatted(ts));
        report(meter, "{\"ts\": \"%s\", \"seq\": 4, \"values\": {\"power_w\": 400}}".formatted(ts.plusSeconds(3)));

        assertThat(samples.count(meter.uuid())).isEqualTo(2);
        var latest = devices.latest(meter);
        assertThat(latest.path("sequenceGaps").asLong()).isEqualTo(2);
        assertThat(latest.path("duplicates").asLong()).isZero();
        assertThat(latest.path("values").path("power_w").asDouble()).isEqualTo(400);
    }

    @Test
    void followsASequenceThatRestartsWithNewerReadings() {
        var meter = devices.register("grid_meter");
        var ts = now();
        report(meter, "{\"ts\": \"%s\", \"seq\": 900, \"values\": {\"power_w\": 1}}".formatted(ts.minusSeconds(60)));

        var afterReboot = report(meter, "{\"ts\": \"%s\", \"seq\": 0, \"values\": {\"power_w\": 2}}".formatted(ts));

        assertThat(afterReboot.json().path("accepted").asInt()).isOne();
        assertThat(samples.count(meter.uuid())).isEqualTo(2);
        assertThat(devices.latest(meter).path("duplicates").asLong()).isZero();
    }

    @Test
    void changesNothingWhenTheSameReadingsArriveAgain() {
        var meter = devices.register("grid_meter");
        var ts = now();
        var batch = """
                [{"ts": "%s", "values": {"power_w": 1500, "energy_import_wh": 1000}},
                 {"ts": "%s", "values": {"power_w": 1600, "energy_import_wh": 1001}},
                 {"ts": "%s", "values": {"power_w": 1700, "energy_import_wh": 1002}}]
                """.formatted(ts.minusSeconds(20), ts.minusSeconds(10), ts);
        report(meter, batch);
        var stored = samples.rows(meter.uuid());

        var again = report(meter, batch);

        assertThat(again.status()).isEqualTo(202);
        assertThat(samples.rows(meter.uuid())).hasSize(3).isEqualTo(stored);
        assertThat(devices.latest(meter).path("values").path("energy_import_wh").asDouble())
                .isEqualTo(1002);
    }

    @Test
    void keepsTheMetricsOfOneInstantSentInSeparateMessages() {
        var meter = devices.register("grid_meter");
        var ts = now();

        report(meter, "{\"ts\": \"%s\", \"values\": {\"power_w\": 1500}}".formatted(ts));
        report(meter, "{\"ts\": \"%s\", \"values\": {\"energy_import_wh\": 1000, \"voltage_v\": 231}}".formatted(ts));

        assertThat(samples.rows(meter.uuid())).singleElement().satisfies(row -> {
            assertThat(row.get("power_w")).isEqualTo(1500f);
            assertThat(row.get("energy_import_wh")).isEqualTo(1000.0);
            assertThat(row.get("voltage_v")).isEqualTo(231f);
        });
    }

    @Test
    void keepsTheFirstValueWhenAReadingArrivesAgainWithAnother() {
        var meter = devices.register("grid_meter");
        var ts = now();
        report(meter, "{\"ts\": \"%s\", \"values\": {\"power_w\": 1500}}".formatted(ts));

        report(meter, "{\"ts\": \"%s\", \"values\": {\"power_w\": 9999, \"energy_import_wh\": 7}}".formatted(ts));

        assertThat(samples.rows(meter.uuid())).singleElement().satisfies(row -> {
            assertThat(row.get("power_w")).isEqualTo(1500f);
            assertThat(row.get("energy_import_wh")).isEqualTo(7.0);
        });
    }

    private ApiClient.Response report(TestDevice device, String payload) {
        var response = api.send(api.request("/api/v1/devices/" + device.serial() + "/telemetry")
                .header("Authorization", device.basicAuthorization())
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(payload)));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
