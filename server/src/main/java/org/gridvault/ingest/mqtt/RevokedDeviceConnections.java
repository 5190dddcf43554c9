package org.gridvault.ingest.mqtt;

import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.services.Services;
import org.gridvault.devices.DeviceDecommissioned;
import org.gridvault.devices.DeviceId;
import org.gridvault.devices.DeviceSecretReplaced;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Closes a device's MQTT connections once its credentials stop working (it was decommissioned or its secret was
 * replaced). The broker checks the secret only at CONNECT, so without this a connection made before would go on
 * reporting. The device's will is published, so it goes offline; reconnecting needs the new secret.
 */
final class RevokedDeviceConnections {

    private final ConnectionStatusListener connections;

    RevokedDeviceConnections(ConnectionStatusListener connections) {
        this.connections = connections;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DeviceDecommissioned event) {
        disconnect(event.deviceId(), "The device was decommissioned");
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DeviceSecretReplaced event) {
        disconnect(event.deviceId(), "The device's secret was replaced; connect with the new one");
    }

    private void disconnect(DeviceId device, String reason) {
        for (var clientId : connections.clientIdsOf(device)) {
            Services.clientService().disconnectClient(clientId, false, DisconnectReasonCode.NOT_AUTHORIZED, reason);
        }
    }
}
