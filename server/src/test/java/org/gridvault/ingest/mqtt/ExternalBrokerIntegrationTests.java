package org.gridvault.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gridvault.ApiClient;
import org.gridvault.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestConstructor;

/**
 * GridVault behind Debian's Mosquitto, an external MQTT 5 broker: devices publish to Mosquitto, GridVault takes the
 * messages through a shared subscription, stores them, acknowledges them, and answers rejections on the device's
 * errors topic.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gridvault.data-dir=target/external-broker-tests")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class ExternalBrokerIntegrationTests {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    private static Process broker;
    private static int brokerPort;

    private final ApiClient api;
    private final JdbcClient jdbc;

    ExternalBrokerIntegrationTests(@LocalServerPort int port, JdbcClient jdbc) {
        this.api = new ApiClient(port);
        this.jdbc = jdbc;
    }

    @DynamicPropertySource
    static void externalBroker(DynamicPropertyRegistry registry) throws IOException {
        if (broker == null) {
            brokerPort = TestDatabase.freePort();
            var config = Files.createTempFile("mosquitto", ".conf");
            Files.writeString(
                    config, "listener %d 127.0.0.1\nallow_anonymous true\npersistence false\n".formatted(brokerPort));
            broker = new ProcessBuilder(MOSQUITTO.toString(), "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            await().atMost(Duration.ofSeconds(10)).until(() -> accepts(brokerPort));
        }
        registry.add("gridvault.mqtt.broker-url", () -> "tcp://127.0.0.1:" + brokerPort);
        registry.add("gridvault.mqtt.client-id", () -> "gridvault-test-" + UUID.randomUUID());
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        if (broker != null) {
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
            broker = null;
        }
    }

    @Test
    void storesWhatDevicesPublishToTheExternalBrokerAndExplainsRejections() throws InterruptedException {
        var owner = api.newPerson();
        var site = api.post(
                        "/api/v1/sites",
                        owner.token(),
                        Map.of("name", "Home", "timeZone", "Europe/Berlin", "region", "eu"))
                .json()
                .path("id")
                .asString();
        var serial = "EXT-" + UUID.randomUUID().toString().substring(0, 8);
        var device = api.post(
                        "/api/v1/sites/" + site + "/devices",
                        owner.token(),
                        Map.of("serialNumber", serial, "kind", "grid_meter"))
                .json();
        var deviceId = UUID.fromString(device.path("id").asString());

        var client = Mqtt5Client.builder()
                .identifier(serial)
                .serverHost("127.0.0.1")
                .serverPort(brokerPort)
                .buildBlocking();
        client.connect();
        var errors = client.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.SUBSCRIBED);
        client.subscribeWith()
                .topicFilter("gv/v1/" + serial + "/errors")
                .qos(MqttQos.AT_LEAST_ONCE)
                .send();
        client.publishWith()
                .topic("gv/v1/" + serial + "/telemetry")
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload("""
                        {"ts": "2026-11-20T10:00:00Z", "values": {"power_w": 1200, "energy_import_wh": 5000, "loudness_db": 3}}
                        """.getBytes(StandardCharsets.UTF_8))
                .send();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from telemetry.samples where device_id = :id")
                                .param("id", deviceId)
                                .query(Long.class)
                                .single()
                        == 1);
        var power = jdbc.sql("select power_w from telemetry.samples where device_id = :id")
                .param("id", deviceId)
                .query(Double.class)
                .single();
        assertThat(power).isEqualTo(1200.0);
        var error = errors.receive(10, TimeUnit.SECONDS).orElseThrow();
        assertThat(new String(error.getPayloadAsBytes(), StandardCharsets.UTF_8))
                .contains("telemetry:metric.unknown")
                .contains("loudness_db");
        client.disconnect();
    }

    private static boolean accepts(int port) {
        try (var socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
