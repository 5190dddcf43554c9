package org.gridvault.devices;

import java.time.Instant;
import org.gridvault.sites.SiteId;

/** A device was registered on a site (directly or by claiming a provisioned device). */
public record DeviceRegistered(DeviceId deviceId, SiteId siteId, String serialNumber, DeviceKind kind, Instant at) {}
