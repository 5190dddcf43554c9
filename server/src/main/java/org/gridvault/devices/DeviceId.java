package org.gridvault.devices;

import java.util.UUID;

/** Identifies a registered device (a registration: a device decommissioned and registered again gets a new id). */
public record DeviceId(UUID value) {

    public static DeviceId random() {
        return new DeviceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
