/**
 * Web: the pages people use in a browser (sign-up and log-in, site overview with live power and energy charts,
 * devices, sharing, the installer's fleet, the privacy center with downloads, cancellation and erasure), rendered on the server with Thymeleaf and updated in
 * place with htmx; charts are drawn by ECharts. Every page reads through the other modules' public services, so it
 * sees exactly what the REST API would show the same person, and every look at someone else's site goes through
 * {@code SiteAccess} and lands in the disclosure ledger. Owns no data and no tables.
 */
@ApplicationModule(
        displayName = "Web",
        allowedDependencies = {"accounts", "sites", "devices", "telemetry", "insights", "rights", "privacy", "problems"
        })
@NullMarked
package org.gridvault.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
