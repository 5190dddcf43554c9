package org.gridvault.benchmarks;

import java.io.ByteArrayInputStream;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;

/**
 * Writes pre-encoded binary COPY batches into a table over several connections, one transaction per batch: the
 * fastest way rows get into PostgreSQL, used as the yardstick the ingest path is measured against. Encoding happens
 * before timing, so the client's CPU does not compete with the server's during the measured part.
 */
record BinaryCopy(String jdbcUrl, String table, String columns) {

    /** Copies all batches (batch {@code i} on connection {@code i % connections}); returns the elapsed nanoseconds. */
    long copy(List<byte[]> batches, int connections) throws Exception {
        var sql = "copy %s (%s) from stdin (format binary)".formatted(table, columns);
        try (var pool = Executors.newFixedThreadPool(connections)) {
            var started = System.nanoTime();
            var results = new ArrayList<Future<?>>();
            for (int c = 0; c < connections; c++) {
                var first = c;
                results.add(pool.submit(() -> {
                    try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                        connection.setAutoCommit(false);
                        var api = connection.unwrap(PGConnection.class).getCopyAPI();
                        for (int b = first; b < batches.size(); b += connections) {
                            api.copyIn(sql, new ByteArrayInputStream(batches.get(b)));
                            connection.commit();
                        }
                    }
                    return null;
                }));
            }
            for (var result : results) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("COPY into " + table + " failed", e.getCause());
                }
            }
            return System.nanoTime() - started;
        }
    }
}
