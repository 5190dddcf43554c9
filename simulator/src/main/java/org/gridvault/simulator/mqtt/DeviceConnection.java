package org.gridvault.simulator.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.gridvault.simulator.DeviceCredentials;
import org.gridvault.simulator.Reading;

/**
 * One device's MQTT 5 connection: client id and username are the serial, password the secret; the will marks the
 * device offline (retained) and every (re)connect marks it online. Reconnects by itself with back-off.
 */
final class DeviceConnection {

    private static final byte[] ONLINE = "{\"status\":\"online\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OFFLINE = "{\"status\":\"offline\"}".getBytes(StandardCharsets.UTF_8);

    private final String serial;
    private final Mqtt5AsyncClient client;
    private final CompletableFuture<Void> firstConnection = new CompletableFuture<>();

    DeviceConnection(BrokerAddress broker, DeviceCredentials device) {
        this.serial = device.serial();
        Mqtt5ClientBuilder builder = MqttClient.builder()
                .useMqttVersion5()
                .identifier(device.serial())
                .serverHost(broker.host())
                .serverPort(broker.port())
                .automaticReconnectWithDefaultConfig()
                .simpleAuth()
                .username(device.serial())
                .password(device.secret().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth()
                .willPublish()
                .topic(statusTopic())
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(OFFLINE)
                .retain(true)
                .applyWillPublish()
                .addConnectedListener(context -> {
                    firstConnection.complete(null);
                    announce(ONLINE);
                })
                .addDisconnectedListener(context -> firstConnection.completeExceptionally(context.getCause()));
        if (broker.tls()) {
            builder = builder.sslWithDefaultConfig();
        }
        this.client = builder.buildAsync();
    }

    String serial() {
        return serial;
    }

    /**
     * Starts connecting. The future completes when the first connection is accepted and fails with the reason of the
     * first failed attempt (refused by the broker, unreachable); either way the client keeps reconnecting.
     */
    CompletableFuture<Void> connect() {
        client.connectWith().cleanStart(true).send();
        return firstConnection;
    }

    /**
     * Publishes at QoS 1. While the device is not connected the reading fails at once: the client would otherwise
     * hold the calling thread until the first connection, and counters carry the energy across the gap anyway.
     */
    CompletableFuture<Void> publish(Reading reading) {
        if (client.getState() != MqttClientState.CONNECTED) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("not connected to the broker (" + client.getState() + ")"));
        }
        return client.publishWith()
                .topic(reading.topic())
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(reading.toJson())
                .send()
                .thenCompose(result -> result.getError()
                        .<CompletableFuture<Void>>map(CompletableFuture::failedFuture)
                        .orElseGet(() -> CompletableFuture.completedFuture(null)));
    }

    /** Marks the device offline (a clean disconnect sends no will) and disconnects. */
    CompletableFuture<Void> disconnect() {
        if (!client.getState().isConnected()) {
            return client.disconnect().exceptionally(ignored -> null);
        }
        return announce(OFFLINE)
                .exceptionally(ignored -> null)
                .thenCompose(ignored -> client.disconnect())
                .exceptionally(ignored -> null);
    }

    private CompletableFuture<Void> announce(byte[] status) {
        return client.publishWith()
                .topic(statusTopic())
                .qos(MqttQos.AT_LEAST_ONCE)
                .retain(true)
                .payload(status)
                .send()
                .thenApply(result -> null);
    }

    private String statusTopic() {
        return "gv/v1/" + serial + "/status";
    }
}
