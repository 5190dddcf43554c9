/**
 * Telemetry: measurements of devices. Stores raw samples (one row per reading, a column per metric, written with
 * binary COPY), keeps latest values and online state, rolls samples up into 5-minute, 15-minute and hourly buckets
 * (UTC) and days and months (in the site's time zone), derives energy per interval from cumulative counters, and
 * answers queries. Does not know transports (see ingest).
 */
@ApplicationModule(
        displayName = "Telemetry",
        allowedDependencies = {"devices", "sites", "accounts", "privacy", "problems", "database"})
@NullMarked
package org.gridvault.telemetry;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
