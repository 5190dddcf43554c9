/**
 * Devices: the registry of field devices (meters, inverters, batteries, chargers, plugs, gateways): their identity,
 * credentials, site binding and gateway pairing; pre-provisioned devices claimed by serial and claim code. Does not
 * store measurements (see telemetry).
 */
@ApplicationModule(
        displayName = "Devices",
        allowedDependencies = {"sites", "accounts", "privacy", "problems", "database"})
@NullMarked
package org.gridvault.devices;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
