package org.gridvault.telemetry;

import java.time.Instant;
import org.gridvault.devices.DeviceId;

/**
 * A device went offline: it said so, its connection dropped (its MQTT will), or it was silent for longer than three
 * of its reporting intervals.
 */
public record DeviceWentOffline(DeviceId deviceId, Instant at, String reason) {}
