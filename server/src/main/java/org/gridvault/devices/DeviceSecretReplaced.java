package org.gridvault.devices;

import java.time.Instant;

/** A device's secret was replaced: the old one no longer works, and connections made with it should end. */
public record DeviceSecretReplaced(DeviceId deviceId, String serialNumber, Instant at) {}
