package org.gridvault.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server running from binaries on the classpath, in a data directory that survives restarts.
 *
 * <p>The upstream builder is meant for throwaway test databases and turns durability off; a server started by
 * this class with {@code durable} set flushes every commit ({@code fsync=on}, {@code synchronous_commit=on}),
 * as a production PostgreSQL would. {@link #close()} stops the server cleanly (a fast shutdown that checkpoints).
 *
 * <p>Not thread-safe; one instance owns one data directory (the server refuses a second one on the same directory).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final String databaseName;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String databaseName) {
        this.postgres = postgres;
        this.databaseName = databaseName;
    }

    /** Starts (and on first use initialises) the server and makes sure the database exists. */
    public static EmbeddedPostgresServer start(
            java.nio.file.Path dataDirectory, int port, String databaseName, boolean durable) {
        try {
            Files.createDirectories(dataDirectory);
            var onOff = durable ? "on" : "off";
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", onOff)
                    .setServerConfig("synchronous_commit", onOff)
                    .setServerConfig("full_page_writes", onOff)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            var server = new EmbeddedPostgresServer(postgres, databaseName);
            server.createDatabaseIfMissing();
            log.info("Embedded PostgreSQL ready at {} (data in {})", server.jdbcUrl(), dataDirectory.toAbsolutePath());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", databaseName);
    }

    public int port() {
        return postgres.getPort();
    }

    /** A connection source without pooling, for tools and tests; the application pools its own. */
    public DataSource dataSource() {
        return postgres.getDatabase("postgres", databaseName);
    }

    private void createDatabaseIfMissing() {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, databaseName);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database \"" + databaseName.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + databaseName, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }
}
