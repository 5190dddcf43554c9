package org.gridvault.simulator.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.gridvault.simulator.DeviceCredentials;
import org.gridvault.simulator.Fleet;
import org.gridvault.simulator.HomeDevices;
import org.gridvault.simulator.SimulatedHome;
import org.gridvault.simulator.home.Location;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The MQTT sink against a real broker (HiveMQ CE, embedded) that checks serial and secret like GridVault does. */
class MqttReadingSinkIntegrationTests {

    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    private static final Location BERLIN = Location.of(52.52, 13.40, "Europe/Berlin");
    private static final Instant START = Instant.parse("2026-06-21T10:00:00Z");

    @TempDir
    static Path folder;

    private static EmbeddedHiveMQ broker;
    private static BrokerAddress address;

    @BeforeAll
    static void startBroker() throws Exception {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path conf = Files.createDirectories(folder.resolve("conf"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                  </listeners>
                  <persistence><mode>in-memory</mode></persistence>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        SECRETS.put("watcher", "watch");
        broker = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(folder.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(folder.resolve("extensions")))
                .withEmbeddedExtension(EmbeddedExtension.builder()
                        .withId("serial-and-secret")
                        .withName("Serial and secret")
                        .withVersion("1")
                        .withAuthor("GridVault")
                        .withPriority(0)
                        .withStartPriority(1000)
                        .withExtensionMain(new SerialAndSecret())
                        .build())
                .withoutLoggingBootstrap()
                .build();
        broker.start().get(30, TimeUnit.SECONDS);
        address = BrokerAddress.parse("tcp://127.0.0.1:" + port);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void deliversAFleetsReadingsOnEachDevicesTelemetryTopic() throws Exception {
        var home = home("A");
        var received = new ConcurrentLinkedQueue<String>();
        var watcher = watch("gv/v1/+/telemetry", received);

        try (var sink = MqttReadingSink.connect(address, home.devices().all())) {
            sink.connected().get(10, TimeUnit.SECONDS);
            try (var fleet =
                    Fleet.start(List.of(home), sink, Clock.fixed(START, ZoneOffset.UTC), Duration.ofMillis(100), 600)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 8);
                assertThat(fleet.statistics().failed()).isZero();
            }
        } finally {
            watcher.disconnect().join();
        }

        var json = JsonMapper.builder().build();
        received.removeIf(message -> !message.startsWith("gv/v1/A-"));
        assertThat(received)
                .map(message -> message.substring(0, message.indexOf(' ')))
                .contains(
                        "gv/v1/A-GM/telemetry",
                        "gv/v1/A-PV/telemetry",
                        "gv/v1/A-BAT/telemetry",
                        "gv/v1/A-EV/telemetry");
        var meter = received.stream()
                .filter(message -> message.startsWith("gv/v1/A-GM/telemetry "))
                .map(message -> json.readTree(message.substring(message.indexOf(' ') + 1)))
                .toList();
        assertThat(meter.get(0).path("ts").asString()).isEqualTo("2026-06-21T10:00:00Z");
        assertThat(meter.get(1).path("ts").asString()).isEqualTo("2026-06-21T10:01:00Z");
        assertThat(meter.get(1).path("seq").asLong())
                .isEqualTo(meter.get(0).path("seq").asLong() + 1);
        assertThat(meter.get(0).path("values").has("energy_import_wh")).isTrue();
    }

    @Test
    void marksDevicesOnlineWhenTheyConnectAndOfflineWhenTheyStop() throws Exception {
        var home = home("B");
        var statuses = new ConcurrentLinkedQueue<String>();
        var sink = MqttReadingSink.connect(address, home.devices().all());
        sink.connected().get(10, TimeUnit.SECONDS);
        var watcher = watch("gv/v1/B-GM/status", statuses);
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> statuses.contains("gv/v1/B-GM/status {\"status\":\"online\"}"));

            sink.close();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> statuses.contains("gv/v1/B-GM/status {\"status\":\"offline\"}"));
        } finally {
            watcher.disconnect().join();
        }
    }

    @Test
    void failsToConnectADeviceWithTheWrongSecretAndFailsItsReadingsAtOnce() {
        var home = home("C");
        SECRETS.put(home.devices().gridMeter().serial(), "another secret");

        try (var sink = MqttReadingSink.connect(address, home.devices().all())) {
            assertThatThrownBy(() -> sink.connected().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(Mqtt5ConnAckException.class);

            var meterReading = home.readingsAt(START).getFirst();
            assertThat(sink.publish(meterReading))
                    .failsWithin(Duration.ofSeconds(1))
                    .withThrowableThat()
                    .withMessageContaining("not connected");
        }
    }

    private static SimulatedHome home(String name) {
        var devices = new HomeDevices(
                device(name + "-GM"), device(name + "-PV"), device(name + "-BAT"), device(name + "-EV"));
        return SimulatedHome.of(name.hashCode(), BERLIN, devices);
    }

    private static DeviceCredentials device(String serial) {
        var secret = UUID.randomUUID().toString();
        SECRETS.put(serial, secret);
        return new DeviceCredentials(serial, secret);
    }

    private static Mqtt5AsyncClient watch(String topicFilter, ConcurrentLinkedQueue<String> received) {
        var watcher = MqttClient.builder()
                .useMqttVersion5()
                .identifier("watcher-" + UUID.randomUUID())
                .serverHost(address.host())
                .serverPort(address.port())
                .simpleAuth()
                .username("watcher")
                .password("watch".getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth()
                .buildAsync();
        watcher.connect().join();
        watcher.subscribeWith()
                .topicFilter(topicFilter)
                .qos(MqttQos.AT_LEAST_ONCE)
                .callback(publish -> received.add(publish.getTopic() + " "
                        + StandardCharsets.UTF_8.decode(publish.getPayload().orElseThrow())))
                .send()
                .join();
        return watcher;
    }

    /** Lets a client in only if its username is a known serial and its password that device's secret. */
    static final class SerialAndSecret implements ExtensionMain {

        @Override
        public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
            Services.securityRegistry().setAuthenticatorProvider(provider -> (SimpleAuthenticator) (auth, result) -> {
                var connect = auth.getConnectPacket();
                var password = connect.getPassword()
                        .map(bytes -> StandardCharsets.UTF_8.decode(bytes).toString())
                        .orElse("");
                var expected = connect.getUserName().map(SECRETS::get).orElse(null);
                if (expected != null && expected.equals(password)) {
                    result.authenticateSuccessfully();
                } else {
                    result.failAuthentication();
                }
            });
        }

        @Override
        public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {}
    }
}
