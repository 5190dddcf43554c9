/**
 * Portability and access (promises P23 and P28): a person's data as a download, in GridVault's JSON layout
 * (assembled by the privacy module from every module's part) and as a Green Button (NAESB ESPI) feed of a site's
 * metered energy; and Green Button feeds read back into a site's grid-meter history. Owns the record of imported
 * feeds. Does not store measurements (telemetry does) or decide access (sites and privacy do).
 */
@ApplicationModule(
        displayName = "Portability",
        allowedDependencies = {"telemetry", "devices", "sites", "accounts", "privacy", "problems", "database"})
@NullMarked
package org.gridvault.portability;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
