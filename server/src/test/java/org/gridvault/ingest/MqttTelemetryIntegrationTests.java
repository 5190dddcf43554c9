package org.gridvault.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.gridvault.TestDevices.publish;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.MqttSessionExpiredException;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.gridvault.StoredSamples;
import org.gridvault.TestDevices;
import org.gridvault.TestDevices.TestDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Devices report over the embedded MQTT broker with real MQTT 5 and 3.1.1 clients: topic permissions, acknowledgement
 * only after the readings are stored, and rejections explained on the errors topic.
 */
@IntegrationTest
class MqttTelemetryIntegrationTests {

    private final TestDevices devices;
    private final StoredSamples samples;
    private final MutableClock clock;
    private final int mqttPort;
    private final List<Mqtt5BlockingClient> clients = new ArrayList<>();

    MqttTelemetryIntegrationTests(
            ApiClient api, JdbcClient jdbc, MutableClock clock, @Value("${gridvault.mqtt.port}") int mqttPort) {
        this.devices = new TestDevices(api);
        this.samples = new StoredSamples(jdbc);
        this.clock = clock;
        this.mqttPort = mqttPort;
    }

    @AfterEach
    void disconnectClients() {
        clients.stream().filter(client -> client.getState().isConnected()).forEach(Mqtt5BlockingClient::disconnect);
    }

    @Test
    void acknowledgesTelemetryOnlyOnceItIsStored() {
        var meter = devices.register("grid_meter");
        var mqtt = connect(meter);
        var ts = now();

        var result = publish(mqtt, meter.topic("telemetry"), """
                {"ts": "%s", "seq": 1, "values": {"power_w": 1520.5, "energy_import_wh": 1234567, "voltage_v": 230.1}}
                """.formatted(ts));

        assertThat(result.getReasonCode()).isEqualTo(TestDevices.STORED);
        // No waiting: the broker sends PUBACK only after the reading was committed.
        assertThat(samples.rows(meter.uuid())).singleElement().satisfies(row -> {
            assertThat(((Timestamp) row.get("ts")).toInstant()).isEqualTo(ts);
            assertThat(row.get("power_w")).isEqualTo(1520.5f);
            assertThat(row.get("energy_import_wh")).isEqualTo(1234567.0);
            assertThat(row.get("voltage_v")).isEqualTo(230.1f);
            assertThat(row.get("energy_export_wh")).isNull();
        });
        var latest = devices.latest(meter);
        assertThat(latest.path("online").asBoolean()).isTrue();
        assertThat(latest.path("ts").asString()).isEqualTo(ts.toString());
        assertThat(latest.path("values").path("power_w").asDouble()).isEqualTo(1520.5);
        assertThat(latest.path("values").path("energy_import_wh").asDouble()).isEqualTo(1234567.0);

        mqtt.disconnect();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(devices.latest(meter).path("online").asBoolean())
                                .isFalse());
        assertThat(devices.latest(meter).path("values").path("power_w").asDouble())
                .as("the latest values outlive the connection")
                .isEqualTo(1520.5);
    }

    @Test
    void acceptsTelemetryFromMqtt3Clients() {
        var plug = devices.register("smart_plug");
        var mqtt = plug.mqtt3(mqttPort);
        try {
            var ts = now();

            mqtt.publishWith()
                    .topic(plug.topic("telemetry"))
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(bytes("{\"ts\": %d, \"values\": {\"power_w\": 42, \"energy_consumed_wh\": 7}}"
                            .formatted(ts.toEpochMilli())))
                    .send();

            assertThat(samples.rows(plug.uuid())).singleElement().satisfies(row -> {
                assertThat(((Timestamp) row.get("ts")).toInstant()).isEqualTo(ts);
                assertThat(row.get("power_w")).isEqualTo(42f);
                assertThat(row.get("energy_consumed_wh")).isEqualTo(7.0);
            });
            assertThat(devices.latest(plug).path("online").asBoolean()).isTrue();
        } finally {
            mqtt.disconnect();
        }
    }

    @Test
    void acceptsSenmlMarkedByTheContentTypeOfAnMqtt5Message() {
        var meter = devices.register("grid_meter");
        var mqtt = connect(meter);
        var ts = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        var ack = mqtt.publishWith()
                .topic(meter.topic("telemetry"))
                .qos(MqttQos.AT_LEAST_ONCE)
                .contentType("application/senml+json")
                .payload(bytes("[{\"bt\": %d, \"n\": \"power_w\", \"v\": 100}, {\"n\": \"energy_import_wh\", \"v\": 5}]"
                        .formatted(ts.getEpochSecond())))
                .send();

        assertThat(ack.getError()).isEmpty();
        assertThat(samples.rows(meter.uuid())).singleElement().satisfies(row -> {
            assertThat(((Timestamp) row.get("ts")).toInstant()).isEqualTo(ts);
            assertThat(row.get("power_w")).isEqualTo(100f);
            assertThat(row.get("energy_import_wh")).isEqualTo(5.0);
        });
    }

    @Test
    void refusesTelemetryPublishedUnderAnotherDevicesSerial() {
        var intruder = devices.register("smart_plug");
        var victim = devices.register("grid_meter");
        var mqtt = connect(intruder);

        var ack = publish(mqtt, victim.topic("telemetry"), """
                {"ts": "%s", "values": {"power_w": -5000}}
                """.formatted(now()));

        assertThat(ack.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
        assertThat(samples.count(victim.uuid())).isZero();
        assertThat(samples.count(intruder.uuid())).isZero();
        assertThat(devices.latest(victim).path("values").isEmpty()).isTrue();
        assertThat(mqtt.getState().isConnected())
                .as("it may go on with its own telemetry")
                .isTrue();
        assertThat(publish(
                                mqtt,
                                intruder.topic("telemetry"),
                                "{\"ts\": \"%s\", \"values\": {\"power_w\": 1}}".formatted(now()))
                        .getReasonCode())
                .isEqualTo(TestDevices.STORED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "alarms", "commands", "errors", "telemetry/extra"})
    void refusesMessagesOnAnotherDevicesTopicsAndClosesTheConnection(String channel) {
        var intruder = devices.register("smart_plug");
        var victim = devices.register("grid_meter");
        var victimMqtt = connect(victim);
        publish(
                victimMqtt,
                victim.topic("telemetry"),
                "{\"ts\": \"%s\", \"values\": {\"power_w\": 1}}".formatted(now()));
        var mqtt = connect(intruder);

        var ack = publish(mqtt, victim.topic(channel), "{\"status\": \"offline\"}");

        assertThat(ack.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(mqtt.getState().isConnected()).isFalse());
        assertThat(devices.latest(victim).path("online").asBoolean()).isTrue();
        assertThat(victimMqtt.getState().isConnected()).isTrue();
    }

    @Test
    void closesTheConnectionOfAnMqtt3ClientPublishingUnderAnotherDevicesSerial() {
        var intruder = devices.register("smart_plug");
        var victim = devices.register("grid_meter");
        var mqtt = intruder.mqtt3(mqttPort);

        assertThatThrownBy(() -> mqtt.publishWith()
                        .topic(victim.topic("telemetry"))
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .payload(bytes("{\"ts\": \"%s\", \"values\": {\"power_w\": 1}}".formatted(now())))
                        .send())
                .isInstanceOf(MqttSessionExpiredException.class);
        assertThat(mqtt.getState().isConnected()).isFalse();
        assertThat(samples.count(victim.uuid())).isZero();
    }

    @Test
    void refusesSubscriptionsToAnotherDevicesErrorsAndCommands() {
        var intruder = devices.register("smart_plug");
        var victim = devices.register("grid_meter");
        var mqtt = connect(intruder);

        for (var channel : List.of("errors", "commands")) {
            assertThatThrownBy(() -> mqtt.subscribeWith()
                            .topicFilter(victim.topic(channel))
                            .qos(MqttQos.AT_LEAST_ONCE)
                            .send())
                    .as(channel)
                    .isInstanceOfSatisfying(
                            Mqtt5SubAckException.class,
                            e -> assertThat(e.getMqttMessage().getReasonCodes())
                                    .containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED));
        }
        assertThatThrownBy(() -> mqtt.subscribeWith()
                        .topicFilter("gv/v1/+/telemetry")
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .send())
                .as("wildcards")
                .isInstanceOf(Mqtt5SubAckException.class);
        assertThat(mqtt.subscribeWith()
                        .topicFilter(intruder.topic("errors"))
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .send()
                        .getReasonCodes())
                .as("its own errors")
                .containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
    }

    @Test
    void storesTheValidValuesAndExplainsEachRejectionOnTheErrorsTopic() throws InterruptedException {
        var meter = devices.register("grid_meter");
        var mqtt = connect(meter);
        var ts = now();
        try (var received = mqtt.publishes(MqttGlobalPublishFilter.SUBSCRIBED)) {
            mqtt.subscribeWith()
                    .topicFilter(meter.topic("errors"))
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send();

            var result = publish(mqtt, meter.topic("telemetry"), """
                    [{"ts": "%s", "values": {"power_w": 812.5, "energy_import_wh": 5000, "flux_capacitance": 1.21,
                                             "voltage_v": "230.1", "current_a": NaN}},
                     {"ts": "%s", "values": {"power_w": 999}}]
                    """.formatted(ts, ts.plus(Duration.ofHours(1))));

            assertThat(result.getReasonCode()).isEqualTo(TestDevices.STORED);
            assertThat(samples.rows(meter.uuid())).singleElement().satisfies(row -> {
                assertThat(((Timestamp) row.get("ts")).toInstant()).isEqualTo(ts);
                assertThat(row.get("power_w")).isEqualTo(812.5f);
                assertThat(row.get("energy_import_wh")).isEqualTo(5000.0);
                assertThat(row.get("voltage_v")).isNull();
                assertThat(row.get("current_a")).isNull();
            });
            var error = received.receive(10, TimeUnit.SECONDS).orElseThrow();
            assertThat(error.getTopic().toString()).isEqualTo(meter.topic("errors"));
            var json = JsonMapper.shared().readTree(error.getPayloadAsBytes());
            assertThat(json.path("topic").asString()).isEqualTo(meter.topic("telemetry"));
            assertThat(json.path("rejections"))
                    .extracting(
                            rejection -> rejection.path("record").asInt(),
                            rejection -> rejection.path("metric").asString(),
                            rejection -> rejection.path("code").asString())
                    .containsExactlyInAnyOrder(
                            tuple(0, "flux_capacitance", "telemetry:metric.unknown"),
                            tuple(0, "voltage_v", "telemetry:value.not-a-number"),
                            tuple(0, "current_a", "telemetry:value.not-finite"),
                            tuple(1, "", "telemetry:ts.future"));
            assertThat(json.path("rejections"))
                    .allSatisfy(rejection ->
                            assertThat(rejection.path("reason").asString()).isNotBlank());
        }
    }

    @Test
    void explainsMalformedJsonAndKeepsTheConnection() throws InterruptedException {
        var meter = devices.register("grid_meter");
        var neighbour = devices.register("pv_inverter");
        var mqtt = connect(meter);
        var neighbourMqtt = connect(neighbour);
        try (var received = mqtt.publishes(MqttGlobalPublishFilter.SUBSCRIBED);
                var neighbourReceived = neighbourMqtt.publishes(MqttGlobalPublishFilter.SUBSCRIBED)) {
            mqtt.subscribeWith().topicFilter(meter.topic("errors")).send();
            neighbourMqtt.subscribeWith().topicFilter(neighbour.topic("errors")).send();

            publish(mqtt, meter.topic("telemetry"), "{\"ts\": \"" + now() + "\", \"values\": {\"power_w\": 1");

            var error = JsonMapper.shared()
                    .readTree(
                            received.receive(10, TimeUnit.SECONDS).orElseThrow().getPayloadAsBytes());
            assertThat(error.path("rejections"))
                    .singleElement()
                    .satisfies(rejection ->
                            assertThat(rejection.path("code").asString()).isEqualTo("telemetry:payload.malformed"));
            assertThat(mqtt.getState().isConnected()).isTrue();

            var ts = now().plusSeconds(1);
            var good = publish(
                    mqtt, meter.topic("telemetry"), "{\"ts\": \"%s\", \"values\": {\"power_w\": 2}}".formatted(ts));
            var neighbours = publish(
                    neighbourMqtt,
                    neighbour.topic("telemetry"),
                    "{\"ts\": \"%s\", \"values\": {\"power_w\": 3000}}".formatted(ts));

            assertThat(good.getReasonCode()).isEqualTo(TestDevices.STORED);
            assertThat(neighbours.getReasonCode()).isEqualTo(TestDevices.STORED);
            assertThat(samples.rows(meter.uuid()))
                    .singleElement()
                    .satisfies(row -> assertThat(row.get("power_w")).isEqualTo(2f));
            assertThat(samples.count(neighbour.uuid())).isOne();
            assertThat(neighbourMqtt.getState().isConnected()).isTrue();
            assertThat(neighbourReceived.receive(200, TimeUnit.MILLISECONDS))
                    .as("no errors for the neighbour")
                    .isEmpty();
            assertThat(received.receive(200, TimeUnit.MILLISECONDS))
                    .as("no errors for the good message")
                    .isEmpty();
        }
    }

    private Mqtt5BlockingClient connect(TestDevice device) {
        var client = device.mqtt5(mqttPort);
        clients.add(client);
        return client;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
