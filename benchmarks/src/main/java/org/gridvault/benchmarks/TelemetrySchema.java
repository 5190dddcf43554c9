package org.gridvault.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;

/** A fresh {@code telemetry} schema holding the server's own samples table, from its V1 migration. */
record TelemetrySchema(String migration) {

    static final String MIGRATION = "server/src/main/resources/db/migration/telemetry/V1__telemetry_create_samples.sql";

    void recreate(Connection admin) throws SQLException {
        try (var statement = admin.createStatement()) {
            statement.execute("drop schema if exists telemetry cascade");
            statement.execute("create schema telemetry");
            statement.execute("set search_path to telemetry");
            statement.execute(migration);
            statement.execute("set search_path to public");
            statement.execute("checkpoint");
        }
    }
}
