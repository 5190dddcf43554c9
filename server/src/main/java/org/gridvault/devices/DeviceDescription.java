package org.gridvault.devices;

import org.jspecify.annotations.Nullable;

/** What is said about a device when registering or provisioning it. */
public record DeviceDescription(
        String serialNumber,
        DeviceKind kind,
        @Nullable String manufacturer,
        @Nullable String model,
        @Nullable String firmwareVersion) {}
