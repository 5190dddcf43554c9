package org.gridvault.devices;

import org.gridvault.sites.SiteId;
import org.jspecify.annotations.Nullable;

/** A device that proved who it is with its serial and secret: what transports need to accept its data. */
public record DeviceIdentity(
        DeviceId id,
        SiteId siteId,
        String serialNumber,
        DeviceKind kind,
        @Nullable DeviceId gatewayId) {}
