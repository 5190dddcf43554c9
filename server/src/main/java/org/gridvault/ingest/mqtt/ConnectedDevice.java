package org.gridvault.ingest.mqtt;

import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import java.util.Optional;
import java.util.UUID;
import org.gridvault.devices.DeviceId;
import org.gridvault.devices.DeviceIdentity;
import org.gridvault.devices.DeviceKind;
import org.gridvault.sites.SiteId;

/**
 * The device behind an MQTT connection, remembered in the connection's attribute store when it authenticates, so
 * every later packet of that connection knows its sender without a lookup.
 */
final class ConnectedDevice {

    private static final String ID = "gridvault.device.id";
    private static final String SERIAL = "gridvault.device.serial";
    private static final String KIND = "gridvault.device.kind";
    private static final String SITE = "gridvault.device.site";

    private ConnectedDevice() {}

    static void remember(ConnectionAttributeStore store, DeviceIdentity device) {
        store.putAsString(ID, device.id().value().toString());
        store.putAsString(SERIAL, device.serialNumber());
        store.putAsString(KIND, device.kind().name());
        store.putAsString(SITE, device.siteId().value().toString());
    }

    static Optional<DeviceIdentity> of(ConnectionAttributeStore store) {
        var id = store.getAsString(ID);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeviceIdentity(
                new DeviceId(UUID.fromString(id.get())),
                new SiteId(UUID.fromString(store.getAsString(SITE).orElseThrow())),
                store.getAsString(SERIAL).orElseThrow(),
                DeviceKind.valueOf(store.getAsString(KIND).orElseThrow()),
                null));
    }
}
