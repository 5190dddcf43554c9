/**
 * Demo: the data {@code ./gridvault demo} starts with (an owner with sites and devices, an installer organisation
 * granted one of them, a fleet organisation, an operator, and simulated homes whose devices report over real MQTT),
 * created through the same services the API uses. Active only with the {@code demo} profile. Owns no tables.
 */
@ApplicationModule(
        displayName = "Demo",
        allowedDependencies = {"accounts", "sites", "devices", "telemetry", "insights"})
@NullMarked
package org.gridvault.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
