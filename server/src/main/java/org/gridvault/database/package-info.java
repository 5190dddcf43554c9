/**
 * Database: where GridVault's data lives. Starts an embedded PostgreSQL in the data directory when no external
 * database is configured, and migrates each module's own schema with Flyway. Owns no tables itself.
 */
@ApplicationModule(displayName = "Database")
@NullMarked
package org.gridvault.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
