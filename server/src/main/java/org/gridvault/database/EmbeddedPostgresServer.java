package org.gridvault.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, String databaseName, boolean durable) {
        return start(dataDirectory, port, databaseName, durable, false, Map.of());
    }

    /**
     * Starts the server; with {@code existingOnly}, only on a database cluster that exists and that no PostgreSQL
     * is running on (for one-off commands, which must neither create an empty database in a mistyped directory nor
     * stop a running server's database). {@code settings} are further server settings (such as {@code
     * shared_buffers}); they cannot override durability or the listen address.
     */
    public static EmbeddedPostgresServer start(
            Path dataDirectory,
            int port,
            String databaseName,
            boolean durable,
            boolean existingOnly,
            Map<String, String> settings) {
        try {
            if (existingOnly) {
                requireExistingAndStopped(dataDirectory);
            }
            Files.createDirectories(dataDirectory);
            stopLeftoverServer(dataDirectory);
            var onOff = durable ? "on" : "off";
            var builder = EmbeddedPostgres.builder();
            settings.forEach(builder::setServerConfig);
            var postgres = builder.setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", onOff)
                    .setServerConfig("synchronous_commit", onOff)
                    .setServerConfig("full_page_writes", onOff)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // Stopped by close() only: a shutdown hook of its own would stop it while the application's
                    // hook is still writing (last device states, queued readings).
                    .setRegisterShutdownHook(false)
                    .start();
            var server = new EmbeddedPostgresServer(postgres, databaseName);
            server.createDatabaseIfMissing();
            log.info("Embedded PostgreSQL ready at {} (data in {})", server.jdbcUrl(), dataDirectory.toAbsolutePath());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * A GridVault that was killed (rather than stopped) leaves its PostgreSQL running, holding the data directory.
     * Its clients are gone with the old process, so a smart shutdown (SIGTERM) ends it promptly.
     */
    private static void stopLeftoverServer(Path dataDirectory) throws IOException {
        var leftover = runningServer(dataDirectory);
        if (leftover.isEmpty()) {
            return;
        }
        var process = leftover.get();
        log.warn(
                "Stopping the PostgreSQL (pid {}) that a previous run left behind in {}", process.pid(), dataDirectory);
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not stop the leftover PostgreSQL " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the leftover PostgreSQL", e);
        }
    }

    private static void requireExistingAndStopped(Path dataDirectory) throws IOException {
        if (!Files.isRegularFile(dataDirectory.resolve("PG_VERSION"))) {
            throw new IllegalStateException("No database in " + dataDirectory.toAbsolutePath()
                    + ". Give the data directory the server uses (--gridvault.data-dir=...).");
        }
        var running = runningServer(dataDirectory);
        if (running.isPresent()) {
            throw new IllegalStateException("The database in " + dataDirectory.toAbsolutePath()
                    + " is in use (PostgreSQL pid " + running.get().pid()
                    + "). Stop GridVault first, or connect to the database with --spring.datasource.url=...");
        }
    }

    /** The PostgreSQL that holds the data directory (its {@code postmaster.pid}), if one is running. */
    private static Optional<ProcessHandle> runningServer(Path dataDirectory) throws IOException {
        var pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isReadable(pidFile)) {
            return Optional.empty();
        }
        var lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().orElse("").endsWith("postgres"));
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
