package org.gridvault.simulator;

/**
 * What a device needs to report to GridVault: its serial number and the secret issued when it was registered. Used as
 * MQTT client id and username (serial) and password (secret). {@link #toString()} hides the secret.
 */
public record DeviceCredentials(String serial, String secret) {

    public DeviceCredentials {
        if (serial.isBlank()) {
            throw new IllegalArgumentException("A device needs a serial number");
        }
    }

    @Override
    public String toString() {
        return "DeviceCredentials[serial=" + serial + ", secret=***]";
    }
}
