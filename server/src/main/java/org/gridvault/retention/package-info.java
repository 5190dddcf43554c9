/**
 * Retention that runs itself: rules per kind of personal data (how long, counted from what, and what happens then),
 * applied once a day by {@link org.gridvault.retention.Retention}, in bounded batches, dropping whole monthly sample
 * partitions where a rule covers them, each run leaving its evidence in the audit log. The rules are configuration
 * ({@code gridvault.retention.rules}) and are what the record of processing shows as each table's time limit. Does
 * not erase people on request (erasure) or decide when an account is closed ({@link
 * org.gridvault.privacy.ClosedAccounts} answers that).
 */
@ApplicationModule(
        displayName = "Retention",
        allowedDependencies = {"privacy", "telemetry", "database"})
@NullMarked
package org.gridvault.retention;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
