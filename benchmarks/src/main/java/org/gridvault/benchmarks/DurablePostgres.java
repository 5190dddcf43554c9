package org.gridvault.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The embedded PostgreSQL GridVault ships (15, ADR 1), started as GridVault starts it: every commit flushed to disk
 * ({@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on; the upstream builder turns them off).
 * The data directory must be on a real disk, not tmpfs, or fsync costs nothing and the numbers mean little.
 */
final class DurablePostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private DurablePostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static DurablePostgres start(Path dataDirectory) throws IOException {
        return new DurablePostgres(EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start());
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
