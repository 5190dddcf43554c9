package org.gridvault.devices;

import java.time.Instant;
import org.gridvault.sites.SiteId;

/**
 * A device was erased with its site's owner (P25): published synchronously before its row goes, so modules holding
 * data of the device (telemetry) erase it in the same transaction.
 */
public record DeviceErased(DeviceId deviceId, SiteId siteId, Instant at) {}
