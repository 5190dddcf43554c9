/**
 * Ingest: the transports devices report over (MQTT through the embedded or an external broker, HTTP). Authenticates
 * devices, decodes every payload format into one canonical {@code Reading}, rejects bad values one by one with a
 * reason, and hands the rest to telemetry. Stores nothing itself.
 */
@ApplicationModule(
        displayName = "Ingest",
        allowedDependencies = {"telemetry", "devices", "sites", "problems"})
@NullMarked
package org.gridvault.ingest;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
