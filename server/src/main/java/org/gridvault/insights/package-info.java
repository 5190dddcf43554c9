/**
 * Insights: what a site's measured energy means. Decomposes each interval into flows (solar, battery and grid to
 * home, EV, battery and grid), derives self-sufficiency and self-consumption, and prices the energy with the site's
 * versioned tariffs (import by time of use, export, a daily fixed charge). Owns the tariffs; does not store
 * measurements (see telemetry) and reads them only through {@link org.gridvault.telemetry.SiteEnergy}.
 */
@ApplicationModule(
        displayName = "Insights",
        allowedDependencies = {"telemetry", "sites", "accounts", "privacy", "problems", "database"})
@NullMarked
package org.gridvault.insights;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
