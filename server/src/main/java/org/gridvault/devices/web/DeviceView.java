package org.gridvault.devices.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.gridvault.devices.Device;
import org.gridvault.devices.DeviceKind;
import org.jspecify.annotations.Nullable;

/** A device as the API shows it; {@code secret} is present only in the response that issued it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeviceView(
        UUID id,
        UUID siteId,
        String serialNumber,
        DeviceKind kind,
        @Nullable String manufacturer,
        @Nullable String model,
        @Nullable String firmwareVersion,
        @Nullable UUID gatewayId,
        String status,
        Instant registeredAt,
        @Nullable Instant decommissionedAt,
        @Nullable String secret) {

    static DeviceView of(Device device) {
        return withSecret(device, null);
    }

    static DeviceView withSecret(Device device, @Nullable String secret) {
        return new DeviceView(
                device.id().value(),
                device.siteId().value(),
                device.serialNumber(),
                device.kind(),
                device.manufacturer(),
                device.model(),
                device.firmwareVersion(),
                device.gatewayId() == null ? null : device.gatewayId().value(),
                device.inService() ? "in_service" : "decommissioned",
                device.registeredAt(),
                device.decommissionedAt(),
                secret);
    }
}
