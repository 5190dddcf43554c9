package org.gridvault.devices;

import java.time.Instant;
import org.gridvault.sites.SiteId;

/** A device was taken out of service: its credentials no longer work and its serial may be registered again. */
public record DeviceDecommissioned(DeviceId deviceId, SiteId siteId, String serialNumber, Instant at) {}
