package org.gridvault.telemetry;

import java.time.Instant;
import org.gridvault.devices.DeviceId;

/** A device connected or reported after being offline (or for the first time). */
public record DeviceWentOnline(DeviceId deviceId, Instant at) {}
