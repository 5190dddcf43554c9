package org.gridvault.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gridvault.TestDevices.publish;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.gridvault.TestDevices;
import org.gridvault.TestDevices.TestDevice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * A device is offline once it says so, its connection closes, or it falls silent for three of its reporting
 * intervals (at least five minutes). Time is moved, never waited for.
 */
@IntegrationTest
class OfflineDetectionIntegrationTests {

    private final ApiClient api;
    private final TestDevices devices;
    private final DeviceStates states;
    private final MutableClock clock;
    private final int mqttPort;

    OfflineDetectionIntegrationTests(
            ApiClient api, DeviceStates states, MutableClock clock, @Value("${gridvault.mqtt.port}") int mqttPort) {
        this.api = api;
        this.devices = new TestDevices(api);
        this.states = states;
        this.clock = clock;
        this.mqttPort = mqttPort;
    }

    @Test
    void marksADeviceOfflineAfterFiveMinutesOfSilence() {
        var meter = devices.register("grid_meter");
        report(meter, clock.instant());

        states.markSilentDevicesOffline();
        assertThat(devices.latest(meter).path("online").asBoolean()).isTrue();

        clock.advance(Duration.ofMinutes(4));
        states.markSilentDevicesOffline();
        assertThat(devices.latest(meter).path("online").asBoolean())
                .as("three default intervals are three minutes, but five is the least")
                .isTrue();

        var fiveMinutesLater = clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        states.markSilentDevicesOffline();
        var latest = devices.latest(meter);
        assertThat(latest.path("online").asBoolean()).isFalse();
        assertThat(Instant.parse(latest.path("statusSince").asString())).isEqualTo(fiveMinutesLater);
        assertThat(latest.path("values").path("power_w").asDouble()).isEqualTo(1);
    }

    @Test
    void allowsThreeReportingIntervalsOfSilenceForADeviceThatReportsRarely() {
        var meter = devices.register("grid_meter");
        var now = clock.instant();
        report(meter, now.minus(Duration.ofMinutes(30)));
        report(meter, now.minus(Duration.ofMinutes(20)));
        report(meter, now.minus(Duration.ofMinutes(10)));
        report(meter, now);

        clock.advance(Duration.ofMinutes(25));
        states.markSilentDevicesOffline();
        assertThat(devices.latest(meter).path("online").asBoolean()).isTrue();

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        states.markSilentDevicesOffline();
        assertThat(devices.latest(meter).path("online").asBoolean()).isFalse();
    }

    @Test
    void comesBackOnlineWithItsNextReading() {
        var meter = devices.register("grid_meter");
        report(meter, clock.instant());
        clock.advance(Duration.ofMinutes(6));
        states.markSilentDevicesOffline();
        assertThat(devices.latest(meter).path("online").asBoolean()).isFalse();

        var back = clock.instant();
        report(meter, back);

        var latest = devices.latest(meter);
        assertThat(latest.path("online").asBoolean()).isTrue();
        assertThat(Instant.parse(latest.path("statusSince").asString())).isEqualTo(back);
    }

    @Test
    void marksADeviceOfflineAtOnceWhenItSaysSo() {
        var meter = devices.register("grid_meter");
        var mqtt = meter.mqtt5(mqttPort);
        try {
            publish(mqtt, meter.topic("telemetry"), reading(clock.instant()));
            assertThat(devices.latest(meter).path("online").asBoolean()).isTrue();

            var ack = publish(mqtt, meter.topic("status"), "{\"status\": \"offline\"}");

            assertThat(ack.getReasonCode())
                    .isIn(Mqtt5PubAckReasonCode.SUCCESS, Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS);
            assertThat(devices.latest(meter).path("online").asBoolean()).isFalse();

            publish(mqtt, meter.topic("status"), "{\"status\": \"online\"}");

            assertThat(devices.latest(meter).path("online").asBoolean()).isTrue();
        } finally {
            mqtt.disconnect();
        }
    }

    @Test
    void marksADeviceOfflineWhenItsConnectionIsLost() {
        var meter = devices.register("grid_meter");
        var mqtt = meter.mqtt5(
                mqttPort,
                connect -> connect.willPublish()
                        .topic(meter.topic("status"))
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .retain(true)
                        .payload("{\"status\": \"offline\"}".getBytes(StandardCharsets.UTF_8))
                        .applyWillPublish());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(devices.latest(meter).path("online").asBoolean())
                                .isTrue());

        mqtt.disconnectWith()
                .reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE)
                .send();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(devices.latest(meter).path("online").asBoolean())
                                .isFalse());
    }

    private void report(TestDevice device, Instant ts) {
        var response = api.send(api.request("/api/v1/devices/" + device.serial() + "/telemetry")
                .header("Authorization", device.basicAuthorization())
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(reading(ts))));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().path("accepted").asInt()).isOne();
    }

    private static String reading(Instant ts) {
        return "{\"ts\": \"%s\", \"values\": {\"power_w\": 1}}".formatted(ts.truncatedTo(ChronoUnit.MILLIS));
    }
}
