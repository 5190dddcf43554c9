package org.gridvault.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gridvault.TestDevices.publish;

import java.time.Duration;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.gridvault.TestDevices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** The broker remembers the device behind each connection while it is open, and forgets it when it closes. */
@IntegrationTest
class ConnectedDevicesIntegrationTests {

    private final TestDevices devices;
    private final ConnectedDevices connected;
    private final MutableClock clock;
    private final int mqttPort;

    ConnectedDevicesIntegrationTests(
            ApiClient api,
            ConnectedDevices connected,
            MutableClock clock,
            @Value("${gridvault.mqtt.port}") int mqttPort) {
        this.devices = new TestDevices(api);
        this.connected = connected;
        this.clock = clock;
        this.mqttPort = mqttPort;
    }

    @Test
    void remembersEachOpenConnectionsDeviceAndForgetsItOnDisconnect() {
        var first = devices.register("grid_meter");
        var second = devices.register("smart_plug");
        var before = connected.remembered();

        var firstClient = first.mqtt5(mqttPort);
        var secondClient = second.mqtt5(mqttPort);
        assertThat(connected.remembered()).isEqualTo(before + 2);

        // Each connection's messages are stored under its own device.
        var reading = "{\"ts\": \"%s\", \"values\": {\"power_w\": 5}}".formatted(clock.instant());
        assertThat(publish(firstClient, first.topic("telemetry"), reading).getReasonCode())
                .isEqualTo(TestDevices.STORED);
        assertThat(publish(secondClient, second.topic("telemetry"), reading).getReasonCode())
                .isEqualTo(TestDevices.STORED);
        assertThat(devices.latest(first).path("values").path("power_w").asDouble())
                .isEqualTo(5.0);
        assertThat(devices.latest(second).path("values").path("power_w").asDouble())
                .isEqualTo(5.0);

        firstClient.disconnect();
        secondClient.disconnect();
        await().atMost(Duration.ofSeconds(10)).until(() -> connected.remembered() == before);
    }
}
