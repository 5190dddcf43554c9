package org.gridvault.devices;

import java.time.Instant;
import org.gridvault.sites.SiteId;
import org.jspecify.annotations.Nullable;

/** A registered device. Never carries its secret. */
public record Device(
        DeviceId id,
        SiteId siteId,
        String serialNumber,
        DeviceKind kind,
        @Nullable String manufacturer,
        @Nullable String model,
        @Nullable String firmwareVersion,
        @Nullable DeviceId gatewayId,
        Instant registeredAt,
        @Nullable Instant decommissionedAt) {

    public boolean inService() {
        return decommissionedAt == null;
    }
}
