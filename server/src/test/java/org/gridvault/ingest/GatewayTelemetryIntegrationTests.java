package org.gridvault.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridvault.TestDevices.publish;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.gridvault.StoredSamples;
import org.gridvault.TestDevices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** A gateway reports for the devices paired with it, and for no others. */
@IntegrationTest
class GatewayTelemetryIntegrationTests {

    private final TestDevices devices;
    private final StoredSamples samples;
    private final MutableClock clock;
    private final int mqttPort;

    GatewayTelemetryIntegrationTests(
            ApiClient api, JdbcClient jdbc, MutableClock clock, @Value("${gridvault.mqtt.port}") int mqttPort) {
        this.devices = new TestDevices(api);
        this.samples = new StoredSamples(jdbc);
        this.clock = clock;
        this.mqttPort = mqttPort;
    }

    @Test
    void storesRecordsNamingAPairedDeviceForThatDevice() throws InterruptedException {
        var gateway = devices.register("gateway");
        var plug = devices.registerNextTo(gateway, "smart_plug");
        var unpaired = devices.registerNextTo(gateway, "smart_plug");
        devices.pair(plug, gateway);
        var mqtt = gateway.mqtt5(mqttPort);
        try (var received = mqtt.publishes(MqttGlobalPublishFilter.SUBSCRIBED)) {
            mqtt.subscribeWith().topicFilter(gateway.topic("errors")).send();
            var ts = now();

            var ack = publish(
                    mqtt, gateway.topic("telemetry"), """
                    [{"device": "%s", "ts": "%s", "values": {"power_w": 60.5, "energy_consumed_wh": 1200}},
                     {"device": "%s", "ts": "%s", "values": {"power_w": 70}},
                     {"ts": "%s", "values": {"temperature_c": 41.5}}]
                    """.formatted(plug.serial(), ts, unpaired.serial(), ts, ts));

            assertThat(ack.getReasonCode()).isEqualTo(TestDevices.STORED);
            assertThat(samples.rows(plug.uuid())).singleElement().satisfies(row -> {
                assertThat(row.get("power_w")).isEqualTo(60.5f);
                assertThat(row.get("energy_consumed_wh")).isEqualTo(1200.0);
            });
            assertThat(samples.rows(gateway.uuid()))
                    .singleElement()
                    .satisfies(row -> assertThat(row.get("temperature_c")).isEqualTo(41.5f));
            assertThat(samples.count(unpaired.uuid())).isZero();
            assertThat(devices.latest(plug).path("values").path("power_w").asDouble())
                    .isEqualTo(60.5);
            var error = JsonMapper.shared()
                    .readTree(
                            received.receive(10, TimeUnit.SECONDS).orElseThrow().getPayloadAsBytes());
            assertThat(error.path("rejections")).singleElement().satisfies(rejection -> {
                assertThat(rejection.path("record").asInt()).isEqualTo(1);
                assertThat(rejection.path("code").asString()).isEqualTo("telemetry:device.not-paired");
                assertThat(rejection.path("reason").asString()).contains(unpaired.serial());
            });
        } finally {
            mqtt.disconnect();
        }
    }

    @Test
    void publishesOnAPairedDevicesOwnTopic() {
        var gateway = devices.register("gateway");
        var plug = devices.registerNextTo(gateway, "smart_plug");
        var unpaired = devices.registerNextTo(gateway, "smart_plug");
        devices.pair(plug, gateway);
        var mqtt = gateway.mqtt5(mqttPort);
        try {
            var ts = now();

            var paired = publish(
                    mqtt, plug.topic("telemetry"), "{\"ts\": \"%s\", \"values\": {\"power_w\": 5}}".formatted(ts));
            var other = publish(
                    mqtt, unpaired.topic("telemetry"), "{\"ts\": \"%s\", \"values\": {\"power_w\": 6}}".formatted(ts));

            assertThat(paired.getReasonCode()).isEqualTo(TestDevices.STORED);
            assertThat(samples.rows(plug.uuid()))
                    .singleElement()
                    .satisfies(row -> assertThat(row.get("power_w")).isEqualTo(5f));
            assertThat(other.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(samples.count(unpaired.uuid())).isZero();
            assertThat(samples.count(gateway.uuid())).isZero();
        } finally {
            mqtt.disconnect();
        }
    }

    @Test
    void storesReadingsOfADevicePairedWhileTheGatewayIsConnected() {
        var gateway = devices.register("gateway");
        var plug = devices.registerNextTo(gateway, "smart_plug");
        var mqtt = gateway.mqtt5(mqttPort);
        try {
            devices.pair(plug, gateway);

            var ack = publish(
                    mqtt, plug.topic("telemetry"), "{\"ts\": \"%s\", \"values\": {\"power_w\": 7}}".formatted(now()));

            assertThat(ack.getReasonCode()).isEqualTo(TestDevices.STORED);
            assertThat(samples.rows(plug.uuid()))
                    .singleElement()
                    .satisfies(row -> assertThat(row.get("power_w")).isEqualTo(7f));
            assertThat(mqtt.getState().isConnected()).isTrue();
        } finally {
            mqtt.disconnect();
        }
    }

    @Test
    void doesNotLetAnOrdinaryDeviceReportForItsNeighbour() throws InterruptedException {
        var plug = devices.register("smart_plug");
        var neighbour = devices.registerNextTo(plug, "smart_plug");
        var mqtt = plug.mqtt5(mqttPort);
        try (var received = mqtt.publishes(MqttGlobalPublishFilter.SUBSCRIBED)) {
            mqtt.subscribeWith().topicFilter(plug.topic("errors")).send();

            publish(
                    mqtt,
                    plug.topic("telemetry"),
                    "{\"device\": \"%s\", \"ts\": \"%s\", \"values\": {\"power_w\": 1}}"
                            .formatted(neighbour.serial(), now()));

            assertThat(samples.count(neighbour.uuid())).isZero();
            assertThat(samples.count(plug.uuid())).isZero();
            var error = JsonMapper.shared()
                    .readTree(
                            received.receive(10, TimeUnit.SECONDS).orElseThrow().getPayloadAsBytes());
            assertThat(error.path("rejections").path(0).path("code").asString())
                    .isEqualTo("telemetry:device.not-paired");
        } finally {
            mqtt.disconnect();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
