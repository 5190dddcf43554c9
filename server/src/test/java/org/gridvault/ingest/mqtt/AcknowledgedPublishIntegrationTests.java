package org.gridvault.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.extension.sdk.api.services.Services;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.gridvault.TestDevices;
import org.gridvault.TestDevices.TestDevice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * What the broker keeps of a telemetry message once it has acknowledged it: nothing. It forgets the packet
 * identifier, so the device may use it again at once, and it holds no retained copy of the readings.
 */
@IntegrationTest
class AcknowledgedPublishIntegrationTests {

    private final TestDevices devices;
    private final MutableClock clock;
    private final int mqttPort;

    AcknowledgedPublishIntegrationTests(
            ApiClient api, MutableClock clock, @Value("${gridvault.mqtt.port}") int mqttPort) {
        this.devices = new TestDevices(api);
        this.clock = clock;
        this.mqttPort = mqttPort;
    }

    /**
     * MQTT 3.1.1, 4.3.2: after the receiver has sent a PUBACK it must treat a PUBLISH with the same packet identifier
     * as a new publication, whatever its DUP flag. A broker that still remembered the identifier would ignore the
     * second message and never acknowledge it. Raw packets, because a well-behaved client library never sends this.
     */
    @Test
    void treatsAPacketIdentifierItHasAcknowledgedAsNewEvenWithTheDuplicateFlag() throws IOException {
        var meter = devices.register("grid_meter");
        try (var device = RawMqttConnection.open(mqttPort, meter)) {
            device.publish(meter.topic("telemetry"), 7, false, reading(100));
            assertThat(device.awaitPuback()).isEqualTo(7);

            clock.advance(Duration.ofSeconds(10));
            device.publish(meter.topic("telemetry"), 7, true, reading(200));
            assertThat(device.awaitPuback()).isEqualTo(7);
        }
        assertThat(devices.latest(meter).path("values").path("power_w").asDouble())
                .isEqualTo(200.0);
    }

    @Test
    void keepsNoRetainedCopyOfTelemetry() throws Exception {
        var meter = devices.register("grid_meter");
        var client = meter.mqtt5(mqttPort);
        try {
            client.publishWith()
                    .topic(meter.topic("telemetry"))
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .retain(true)
                    .payload(reading(300).getBytes(StandardCharsets.UTF_8))
                    .send();
        } finally {
            client.disconnect();
        }
        assertThat(devices.latest(meter).path("values").path("power_w").asDouble())
                .isEqualTo(300.0);
        assertThat(Services.retainedMessageStore()
                        .getRetainedMessage(meter.topic("telemetry"))
                        .get(10, TimeUnit.SECONDS))
                .isEmpty();
    }

    private String reading(double watts) {
        return "{\"ts\": \"%s\", \"values\": {\"power_w\": %s}}".formatted(clock.instant(), watts);
    }

    /** Just enough of MQTT 3.1.1 to connect, publish with QoS 1 and read acknowledgements. */
    private static final class RawMqttConnection implements AutoCloseable {

        private final Socket socket;
        private final OutputStream out;
        private final DataInputStream in;

        private RawMqttConnection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.in = new DataInputStream(socket.getInputStream());
        }

        static RawMqttConnection open(int port, TestDevice device) throws IOException {
            var socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            var connection = new RawMqttConnection(socket);
            var body = new ByteArrayOutputStream();
            writeString(body, "MQTT");
            body.write(4); // protocol level 3.1.1
            body.write(0xC2); // user name, password, clean session
            body.write(new byte[] {0, 60}); // keep alive
            writeString(body, device.serial() + "-raw");
            writeString(body, device.serial());
            writeString(body, device.secret());
            connection.send(0x10, body.toByteArray());
            assertThat(connection.in.readUnsignedByte()).as("CONNACK").isEqualTo(0x20);
            assertThat(connection.in.readUnsignedByte()).isEqualTo(2);
            connection.in.readUnsignedByte();
            assertThat(connection.in.readUnsignedByte())
                    .as("CONNACK return code")
                    .isZero();
            return connection;
        }

        void publish(String topic, int packetId, boolean duplicate, String payload) throws IOException {
            var body = new ByteArrayOutputStream();
            writeString(body, topic);
            body.write(new byte[] {(byte) (packetId >> 8), (byte) packetId});
            body.write(payload.getBytes(StandardCharsets.UTF_8));
            send(0x32 | (duplicate ? 0x08 : 0), body.toByteArray());
        }

        /** The packet identifier of the next PUBACK; a read timeout if none comes within 10 s. */
        int awaitPuback() throws IOException {
            assertThat(in.readUnsignedByte()).as("PUBACK").isEqualTo(0x40);
            assertThat(in.readUnsignedByte()).isEqualTo(2);
            return in.readUnsignedShort();
        }

        private void send(int header, byte[] body) throws IOException {
            var packet = new ByteArrayOutputStream();
            packet.write(header);
            var length = body.length;
            do {
                var digit = length % 128;
                length /= 128;
                packet.write(length > 0 ? digit | 0x80 : digit);
            } while (length > 0);
            packet.write(body);
            out.write(packet.toByteArray());
            out.flush();
        }

        private static void writeString(ByteArrayOutputStream body, String text) throws IOException {
            var bytes = text.getBytes(StandardCharsets.UTF_8);
            body.write(new byte[] {(byte) (bytes.length >> 8), (byte) bytes.length});
            body.write(bytes);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
