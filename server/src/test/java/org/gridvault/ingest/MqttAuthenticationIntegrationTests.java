package org.gridvault.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.gridvault.TestDevices.publish;

import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.gridvault.StoredSamples;
import org.gridvault.TestDevices;
import org.gridvault.TestDevices.TestDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A device connects to the embedded broker with its serial as user name and its secret as password, checked at
 * CONNECT; a connection ends when the device is decommissioned or its secret replaced.
 */
@IntegrationTest
class MqttAuthenticationIntegrationTests {

    private final ApiClient api;
    private final TestDevices devices;
    private final StoredSamples samples;
    private final MutableClock clock;
    private final int mqttPort;
    private final List<Mqtt5BlockingClient> clients = new ArrayList<>();

    MqttAuthenticationIntegrationTests(
            ApiClient api, JdbcClient jdbc, MutableClock clock, @Value("${gridvault.mqtt.port}") int mqttPort) {
        this.api = api;
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
    void refusesAWrongSecretAtConnect() {
        var meter = devices.register("grid_meter");

        assertThatThrownBy(() -> connectWith(meter.serial(), "gv_dev_not-the-secret"))
                .isInstanceOfSatisfying(
                        Mqtt5ConnAckException.class,
                        e -> assertThat(e.getMqttMessage().getReasonCode())
                                .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD));
        assertThat(devices.latest(meter).path("online").asBoolean()).isFalse();
    }

    @Test
    void refusesAnUnknownSerialAtConnect() {
        var meter = devices.register("grid_meter");

        assertThatThrownBy(() -> connectWith("GV-never-registered", meter.secret()))
                .isInstanceOfSatisfying(
                        Mqtt5ConnAckException.class,
                        e -> assertThat(e.getMqttMessage().getReasonCode())
                                .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD));
    }

    @Test
    void refusesAConnectWithoutCredentials() {
        var client = Mqtt5Client.builder()
                .identifier("anonymous")
                .serverHost("127.0.0.1")
                .serverPort(mqttPort)
                .buildBlocking();

        assertThatThrownBy(client::connect)
                .isInstanceOfSatisfying(
                        Mqtt5ConnAckException.class,
                        e -> assertThat(e.getMqttMessage().getReasonCode())
                                .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD));
    }

    @Test
    void refusesAWrongSecretOfAnMqtt3Client() {
        var meter = devices.register("grid_meter");
        var client = Mqtt3Client.builder()
                .identifier(meter.serial())
                .serverHost("127.0.0.1")
                .serverPort(mqttPort)
                .buildBlocking();

        assertThatThrownBy(() -> client.connectWith()
                        .simpleAuth()
                        .username(meter.serial())
                        .password(bytes("gv_dev_not-the-secret"))
                        .applySimpleAuth()
                        .send())
                .isInstanceOfSatisfying(
                        Mqtt3ConnAckException.class,
                        e -> assertThat(e.getMqttMessage().getReturnCode())
                                .isEqualTo(Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD));
    }

    @Test
    void closesTheConnectionsOfADecommissionedDevice() {
        var meter = devices.register("grid_meter");
        var mqtt = meter.mqtt5(mqttPort);
        clients.add(mqtt);
        assertThat(publish(mqtt, meter.topic("telemetry"), reading()).getReasonCode())
                .isEqualTo(TestDevices.STORED);

        var decommissioned =
                api.delete("/api/v1/devices/" + meter.id(), meter.owner().token());

        assertThat(decommissioned.status()).as(decommissioned.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(mqtt.getState().isConnected()).isFalse());
        assertThat(samples.count(meter.uuid())).isOne();
        assertThatThrownBy(() -> connectWith(meter.serial(), meter.secret())).isInstanceOf(Mqtt5ConnAckException.class);
    }

    @Test
    void closesTheConnectionsMadeWithASecretThatWasReplaced() {
        var meter = devices.register("grid_meter");
        var mqtt = meter.mqtt5(mqttPort);
        clients.add(mqtt);

        var replaced = api.post(
                "/api/v1/devices/" + meter.id() + "/secret", meter.owner().token(), null);

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(mqtt.getState().isConnected()).isFalse());
        assertThatThrownBy(() -> connectWith(meter.serial(), meter.secret())).isInstanceOf(Mqtt5ConnAckException.class);
        var renewed = new TestDevice(
                meter.id(), meter.serial(), replaced.json().path("secret").asString(), meter.owner(), meter.site());
        var again = renewed.mqtt5(mqttPort);
        clients.add(again);
        assertThat(publish(again, meter.topic("telemetry"), reading()).getReasonCode())
                .isEqualTo(TestDevices.STORED);
    }

    private void connectWith(String username, String password) {
        var client = Mqtt5Client.builder()
                .identifier(username)
                .serverHost("127.0.0.1")
                .serverPort(mqttPort)
                .buildBlocking();
        client.connectWith()
                .simpleAuth()
                .username(username)
                .password(bytes(password))
                .applySimpleAuth()
                .send();
        clients.add(client);
    }

    private String reading() {
        return "{\"ts\": \"%s\", \"values\": {\"power_w\": 1}}"
                .formatted(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
