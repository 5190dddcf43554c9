package org.gridvault.devices;

import java.security.MessageDigest;
import java.util.Optional;
import org.gridvault.accounts.OpaqueSecret;
import org.gridvault.privacy.WithoutDisclosure;
import org.springframework.stereotype.Service;

/**
 * Checks a device's serial and secret, for the transports a device reports over (MQTT, HTTP). Only devices in service
 * authenticate; a decommissioned device's secret is gone.
 */
@WithoutDisclosure("Checks a device's own secret; returns only the device's identity to the transport")
@Service
public class DeviceCredentials {

    private final Devices devices;

    DeviceCredentials(Devices devices) {
        this.devices = devices;
    }

    public Optional<DeviceIdentity> authenticate(String serialNumber, String secret) {
        return devices.inServiceBySerial(serialNumber)
                .filter(row ->
                        row.secretHash() != null && MessageDigest.isEqual(row.secretHash(), OpaqueSecret.hash(secret)))
                .map(row -> identity(row.device()));
    }

    static DeviceIdentity identity(Device device) {
        return new DeviceIdentity(
                device.id(), device.siteId(), device.serialNumber(), device.kind(), device.gatewayId());
    }
}
