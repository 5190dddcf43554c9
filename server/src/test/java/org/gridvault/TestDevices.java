package org.gridvault;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult.Mqtt5Qos1Result;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.gridvault.ApiClient.Account;
import tools.jackson.databind.JsonNode;

/**
 * Registers devices the way their owners do (over the API), for tests of what devices send, and connects them to the
 * embedded MQTT broker with their serial and secret.
 *
 * <pre>{@code
 * var meter = devices.register("grid_meter");
 * var mqtt = meter.mqtt5(mqttPort);
 * mqtt.publishWith().topic(meter.topic("telemetry")).qos(MqttQos.AT_LEAST_ONCE).payload(...).send();
 * }</pre>
 */
public final class TestDevices {

    private final ApiClient api;

    public TestDevices(ApiClient api) {
        this.api = api;
    }

    /** A registered device, its secret, and the owner who may look at it. */
    public record TestDevice(String id, String serial, String secret, Account owner, String site) {

        public UUID uuid() {
            return UUID.fromString(id);
        }

        /** {@code gv/v1/{serial}/{channel}}. */
        public String topic(String channel) {
            return "gv/v1/" + serial + "/" + channel;
        }

        /** The value of an HTTP {@code Authorization} header with this device's serial and secret. */
        public String basicAuthorization() {
            return "Basic "
                    + Base64.getEncoder().encodeToString((serial + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }

        /** A connected MQTT 5 client of this device (client id = serial). Disconnect it when done. */
        public Mqtt5BlockingClient mqtt5(int port) {
            return mqtt5(port, connect -> connect);
        }

        /** Like {@link #mqtt5(int)}, with more settings of the CONNECT packet, such as a will. */
        public Mqtt5BlockingClient mqtt5(int port, UnaryOperator<Mqtt5ConnectBuilder.Send<Mqtt5ConnAck>> connect) {
            var client = Mqtt5Client.builder()
                    .identifier(serial)
                    .serverHost("127.0.0.1")
                    .serverPort(port)
                    .buildBlocking();
            connect.apply(client.connectWith()
                            .simpleAuth()
                            .username(serial)
                            .password(secret.getBytes(StandardCharsets.UTF_8))
                            .applySimpleAuth())
                    .send();
            return client;
        }

        /** A connected MQTT 3.1.1 client of this device. Disconnect it when done. */
        public Mqtt3BlockingClient mqtt3(int port) {
            var client = Mqtt3Client.builder()
                    .identifier(serial + "-mqtt3")
                    .serverHost("127.0.0.1")
                    .serverPort(port)
                    .buildBlocking();
            client.connectWith()
                    .simpleAuth()
                    .username(serial)
                    .password(secret.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth()
                    .send();
            return client;
        }
    }

    /**
     * The reason code of an MQTT 5 PUBACK for stored telemetry: a success code, and "no matching subscribers"
     * because the broker's own publish path sends it (see the device protocol).
     */
    public static final Mqtt5PubAckReasonCode STORED = Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS;

    /** Publishes with QoS 1 and returns the broker's PUBACK, whether it reports success or an error. */
    public static Mqtt5PubAck publish(Mqtt5BlockingClient client, String topic, String payload) {
        try {
            return ((Mqtt5Qos1Result) client.publishWith()
                            .topic(topic)
                            .qos(MqttQos.AT_LEAST_ONCE)
                            .payload(payload.getBytes(StandardCharsets.UTF_8))
                            .send())
                    .getPubAck();
        } catch (Mqtt5PubAckException e) {
            return e.getMqttMessage();
        }
    }

    /** A device of this kind on a new site of a new owner. */
    public TestDevice register(String kind) {
        var owner = api.newPerson();
        return register(owner, newSite(owner), kind);
    }

    /** A device of this kind on the given site. */
    public TestDevice register(Account owner, String site, String kind) {
        var serial = "GV-" + UUID.randomUUID();
        var registered = api.post(
                "/api/v1/sites/" + site + "/devices", owner.token(), Map.of("serialNumber", serial, "kind", kind));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        var json = registered.json();
        return new TestDevice(
                json.path("id").asString(), serial, json.path("secret").asString(), owner, site);
    }

    /** Another device of this kind on the same site, with the same owner. */
    public TestDevice registerNextTo(TestDevice neighbour, String kind) {
        return register(neighbour.owner(), neighbour.site(), kind);
    }

    /** Pairs a device with a gateway of the same site, so the gateway may report for it. */
    public void pair(TestDevice child, TestDevice gateway) {
        var paired = api.put(
                "/api/v1/devices/" + child.id() + "/gateway", child.owner().token(), Map.of("gatewayId", gateway.id()));
        assertThat(paired.status()).as(paired.body()).isEqualTo(200);
    }

    /** What {@code GET /api/v1/devices/{id}/latest} says about the device, asked by its owner. */
    public JsonNode latest(TestDevice device) {
        var response = api.get(
                "/api/v1/devices/" + device.id() + "/latest", device.owner().token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String newSite(Account owner) {
        var created = api.post(
                "/api/v1/sites", owner.token(), Map.of("name", "Home", "timeZone", "Europe/Berlin", "region", "eu"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }
}
