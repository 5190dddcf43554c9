package org.gridvault.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.gridvault.StoredSamples;
import org.gridvault.TestDevices;
import org.gridvault.TestDevices.TestDevice;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Devices without MQTT POST their readings, authenticated with HTTP Basic serial:secret. */
@IntegrationTest
class HttpTelemetryIntegrationTests {

    private final ApiClient api;
    private final TestDevices devices;
    private final StoredSamples samples;
    private final MutableClock clock;

    HttpTelemetryIntegrationTests(ApiClient api, JdbcClient jdbc, MutableClock clock) {
        this.api = api;
        this.devices = new TestDevices(api);
        this.samples = new StoredSamples(jdbc);
        this.clock = clock;
    }

    @Test
    void acceptsReadingsAndListsEveryRejectionByRecordAndValue() {
        var battery = devices.register("battery");
        var ts = now();

        var response = post(battery, "application/json", """
                [{"ts": "%s", "seq": 1, "values": {"power_w": -2500, "soc_pct": 64.5, "charge_rate": 3}},
                 {"values": {"power_w": -2400}},
                 {"ts": %d, "seq": 2, "values": {"power_w": -2300, "soc_pct": "65"}}]
                """.formatted(
                        ts, ts.plusSeconds(10).toEpochMilli()));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        var body = response.json();
        assertThat(body.path("accepted").asInt()).isEqualTo(2);
        assertThat(body.path("duplicates").asInt()).isZero();
        assertThat(body.path("rejected").asInt()).as("whole records rejected").isOne();
        assertThat(body.path("rejections"))
                .extracting(
                        rejection -> rejection.path("record").asInt(),
                        rejection -> rejection.path("metric").asString(),
                        rejection -> rejection.path("code").asString())
                .containsExactlyInAnyOrder(
                        tuple(0, "charge_rate", "telemetry:metric.unknown"),
                        tuple(1, "", "telemetry:ts.invalid"),
                        tuple(2, "soc_pct", "telemetry:value.not-a-number"));
        // 202 comes once the readings are durable.
        assertThat(samples.rows(battery.uuid()))
                .extracting(
                        row -> ((Timestamp) row.get("ts")).toInstant(),
                        row -> row.get("power_w"),
                        row -> row.get("soc_pct"))
                .containsExactly(tuple(ts, -2500f, 64.5f), tuple(ts.plusSeconds(10), -2300f, null));
        var latest = devices.latest(battery);
        assertThat(latest.path("online").asBoolean()).isTrue();
        assertThat(latest.path("values").path("soc_pct").asDouble()).isEqualTo(64.5);
        assertThat(latest.path("values").path("power_w").asDouble()).isEqualTo(-2300);
    }

    @Test
    void refusesAWrongSecret() {
        var meter = devices.register("grid_meter");
        var impostor = new TestDevice(meter.id(), meter.serial(), "gv_dev_not-the-secret", meter.owner(), meter.site());

        var response = post(impostor, "application/json", reading(now()));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("telemetry:device.unauthenticated");
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(samples.count(meter.uuid())).isZero();
    }

    @Test
    void refusesCredentialsOfAnotherDevice() {
        var meter = devices.register("grid_meter");
        var neighbour = devices.registerNextTo(meter, "pv_inverter");

        var response = api.send(api.request("/api/v1/devices/" + meter.serial() + "/telemetry")
                .header("Authorization", neighbour.basicAuthorization())
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(reading(now()))));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("telemetry:device.unauthenticated");
        assertThat(samples.count(meter.uuid())).isZero();
        assertThat(samples.count(neighbour.uuid())).isZero();
    }

    @Test
    void refusesARequestWithoutCredentials() {
        var meter = devices.register("grid_meter");

        var missing = send(meter, null, "application/json", reading(now()));
        var bearer = send(meter, "Bearer " + meter.owner().token(), "application/json", reading(now()));
        var garbled = send(meter, "Basic not~base64", "application/json", reading(now()));

        for (var response : new ApiClient.Response[] {missing, bearer, garbled}) {
            assertThat(response.status()).as(response.body()).isEqualTo(401);
            assertThat(response.code()).isEqualTo("telemetry:device.unauthenticated");
        }
    }

    @Test
    void storesASenmlPackAsOneReading() {
        var meter = devices.register("grid_meter");
        var ts = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        var response = post(meter, "application/senml+json", """
                [{"bn": "", "bt": %d, "n": "power_w", "v": 100}, {"n": "energy_import_wh", "v": 5}]
                """.formatted(ts.getEpochSecond()));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().path("accepted").asInt()).isOne();
        assertThat(samples.rows(meter.uuid())).singleElement().satisfies(row -> {
            assertThat(((Timestamp) row.get("ts")).toInstant()).isEqualTo(ts);
            assertThat(row.get("power_w")).isEqualTo(100f);
            assertThat(row.get("energy_import_wh")).isEqualTo(5.0);
        });
    }

    @Test
    void refusesAPayloadOverTheSizeLimit() {
        var meter = devices.register("grid_meter");
        var padding = " ".repeat(256 * 1024);

        var response = post(meter, "application/json", reading(now()) + padding);

        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.code()).isEqualTo("telemetry:payload.too-large");
        assertThat(samples.count(meter.uuid())).isZero();
    }

    @Test
    void refusesAStreamedPayloadOverTheSizeLimit() {
        var meter = devices.register("grid_meter");
        var body = (reading(now()) + " ".repeat(300 * 1024)).getBytes(StandardCharsets.UTF_8);

        var response = api.send(api.request("/api/v1/devices/" + meter.serial() + "/telemetry")
                .header("Authorization", meter.basicAuthorization())
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.code()).isEqualTo("telemetry:payload.too-large");
        assertThat(samples.count(meter.uuid())).isZero();
    }

    @Test
    void acceptsAPayloadOfExactlyTheSizeLimit() {
        var meter = devices.register("grid_meter");
        var reading = reading(now());
        var padded = reading + " ".repeat(256 * 1024 - reading.length());

        var response = post(meter, "application/json", padded);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(samples.count(meter.uuid())).isOne();
    }

    @Test
    void refusesMalformedJsonAsAProblem() {
        var meter = devices.register("grid_meter");

        var response = post(meter, "application/json", "{\"ts\": \"" + now() + "\", \"values\": {");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("telemetry:payload.malformed");
    }

    @Test
    void refusesAnEmptyBody() {
        var meter = devices.register("grid_meter");

        var response = post(meter, "application/json", "");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("telemetry:payload.malformed");
    }

    @Test
    void refusesAnUnsupportedContentType() {
        var meter = devices.register("grid_meter");

        var response = post(meter, "text/plain", reading(now()));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.code()).isEqualTo("request:media-type.not-supported");
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(samples.count(meter.uuid())).isZero();
    }

    @Test
    void refusesTimestampsStorageCannotHold() {
        var meter = devices.register("grid_meter");

        var response = post(meter, "application/json", """
                [{"ts": %d, "values": {"power_w": 1}},
                 {"ts": "-10000-01-01T00:00:00Z", "values": {"power_w": 2}},
                 {"ts": "1970-01-01T00:00:12Z", "values": {"power_w": 3}},
                 {"ts": "%s", "values": {"power_w": 4}}]
                """.formatted(Long.MIN_VALUE, now()));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().path("accepted").asInt()).isOne();
        assertThat(response.json().path("rejections"))
                .extracting(
                        rejection -> rejection.path("record").asInt(),
                        rejection -> rejection.path("code").asString())
                .containsExactly(
                        tuple(0, "telemetry:ts.too-old"),
                        tuple(1, "telemetry:ts.too-old"),
                        tuple(2, "telemetry:ts.too-old"));
        assertThat(samples.rows(meter.uuid()))
                .singleElement()
                .satisfies(row -> assertThat(row.get("power_w")).isEqualTo(4f));
    }

    private ApiClient.Response post(TestDevice device, String contentType, String body) {
        return send(device, device.basicAuthorization(), contentType, body);
    }

    private ApiClient.Response send(
            TestDevice device, @Nullable String authorization, String contentType, String body) {
        var request = api.request("/api/v1/devices/" + device.serial() + "/telemetry")
                .header("Content-Type", contentType)
                .POST(BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return api.send(request);
    }

    private static String reading(Instant ts) {
        return "{\"ts\": \"%s\", \"values\": {\"power_w\": 1}}".formatted(ts);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
