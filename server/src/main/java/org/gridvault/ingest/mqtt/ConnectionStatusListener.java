package org.gridvault.ingest.mqtt;

import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gridvault.devices.DeviceId;
import org.gridvault.telemetry.DeviceStates;

/**
 * A device is online while it has an MQTT connection, and offline once its last connection is gone (whether it
 * disconnected or the connection was lost: the broker then also publishes the device's will). Counting connections
 * keeps a device online when a reconnect takes over its session before the old connection is closed. Also remembers
 * the client ids each device is connected with, so its connections can be closed when its credentials stop working.
 */
final class ConnectionStatusListener implements ClientLifecycleEventListener {

    private final Map<DeviceId, Integer> connections = new ConcurrentHashMap<>();
    private final Map<DeviceId, Set<String>> clientIds = new ConcurrentHashMap<>();
    private final DeviceStates states;
    private final ConnectedDevices devices;

    ConnectionStatusListener(DeviceStates states, ConnectedDevices devices) {
        this.states = states;
        this.devices = devices;
    }

    @Override
    public void onMqttConnectionStart(ConnectionStartInput input) {}

    @Override
    public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
        devices.of(input.getConnectionInformation().getConnectionAttributeStore())
                .ifPresent(device -> {
                    connections.merge(device.id(), 1, Integer::sum);
                    clientIds
                            .computeIfAbsent(device.id(), id -> ConcurrentHashMap.newKeySet())
                            .add(input.getClientInformation().getClientId());
                    states.markOnline(device.id());
                });
    }

    @Override
    public void onDisconnect(DisconnectEventInput input) {
        devices.forget(input.getConnectionInformation().getConnectionAttributeStore())
                .ifPresent(device -> {
                    var remaining = connections.merge(
                            device.id(), -1, (count, minus) -> count + minus <= 0 ? null : count + minus);
                    if (remaining == null) {
                        clientIds.remove(device.id());
                        states.markOffline(device.id(), "its MQTT connection closed");
                    }
                });
    }

    /** The client ids the device is connected with (possibly one that just disconnected). */
    Set<String> clientIdsOf(DeviceId device) {
        return Set.copyOf(clientIds.getOrDefault(device, Set.of()));
    }
}
