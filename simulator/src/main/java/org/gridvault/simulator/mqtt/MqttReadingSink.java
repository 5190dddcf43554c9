package org.gridvault.simulator.mqtt;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gridvault.simulator.DeviceCredentials;
import org.gridvault.simulator.Reading;
import org.gridvault.simulator.ReadingSink;

/**
 * Publishes readings to an MQTT broker as the devices themselves would: one MQTT 5 connection per device (client id
 * and username = serial, password = secret), telemetry at QoS 1 on {@code gv/v1/{serial}/telemetry}, a retained
 * {@code {"status":"online"}} on {@code gv/v1/{serial}/status} at every connect and a retained offline will.
 * Connections reconnect automatically.
 *
 * <pre>{@code
 * try (var sink = MqttReadingSink.connect(BrokerAddress.parse("tcp://127.0.0.1:1883"), credentials)) {
 *     sink.connected().get(30, SECONDS);
 *     ...
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class MqttReadingSink implements ReadingSink, AutoCloseable {

    private final Map<String, DeviceConnection> connections;
    private final CompletableFuture<Void> connected;

    private MqttReadingSink(Map<String, DeviceConnection> connections) {
        this.connections = connections;
        this.connected = CompletableFuture.allOf(
                connections.values().stream().map(DeviceConnection::connect).toArray(CompletableFuture[]::new));
    }

    /** Opens one connection per device; returns at once, see {@link #connected()}. */
    public static MqttReadingSink connect(BrokerAddress broker, Collection<DeviceCredentials> devices) {
        var connections = new LinkedHashMap<String, DeviceConnection>();
        for (DeviceCredentials device : devices) {
            connections.put(device.serial(), new DeviceConnection(broker, device));
        }
        return new MqttReadingSink(Map.copyOf(connections));
    }

    /**
     * Completes when every device's first connection is accepted; fails if any is refused (wrong secret, broker
     * unreachable), while the refused devices keep trying in the background.
     */
    public CompletableFuture<Void> connected() {
        return connected;
    }

    @Override
    public CompletableFuture<Void> publish(Reading reading) {
        var connection = connections.get(reading.serial());
        if (connection == null) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("No MQTT connection for device " + reading.serial()));
        }
        return connection.publish(reading);
    }

    /** Marks every device offline and disconnects, waiting up to ten seconds. */
    @Override
    public void close() {
        var disconnects =
                connections.values().stream().map(DeviceConnection::disconnect).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(disconnects).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Closing is best effort: the broker publishes the will for any device left hanging.
        }
    }
}
