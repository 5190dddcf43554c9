package org.gridvault;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.gridvault.database.EmbeddedPostgresServer;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One throwaway embedded PostgreSQL per test JVM, started on first use and stopped when the JVM exits.
 *
 * <p>Durability is off (no fsync), which is what makes it fast; its data directory is deleted at exit. Every Spring
 * context started through {@link Initializer} gets a fresh database of its own ({@code gv_1}, {@code gv_2}, ...), so
 * contexts never see each other's rows. Tests that share a context (all {@link IntegrationTest}s do) share its
 * database: they create their own data and never assume an empty one.
 *
 * <p>Thread-safe.
 */
public final class TestDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** Spring contexts using a database of this server that have not been closed yet. */
    private static final AtomicInteger OPEN_CONTEXTS = new AtomicInteger();

    private static EmbeddedPostgresServer server;

    private TestDatabase() {}

    /** Creates a new, empty database and returns its JDBC URL (user {@code postgres}, no password). */
    public static String newDatabase() {
        var name = "gv_" + DATABASES.incrementAndGet();
        try (var connection = server().dataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name, e);
        }
        return "jdbc:postgresql://127.0.0.1:%d/%s".formatted(server().port(), name);
    }

    private static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            var dataDirectory = temporaryDirectory();
            server = EmbeddedPostgresServer.start(dataDirectory, 0, "gridvault", false);
            var started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // Spring closes the test contexts from a shutdown hook of its own, at the same time as this one:
                // let them finish their last writes before the database goes.
                try {
                    await().atMost(Duration.ofSeconds(20)).until(() -> OPEN_CONTEXTS.get() <= 0);
                } catch (ConditionTimeoutException e) {
                    // Stop the database anyway; a context that does not close in time should not keep it alive.
                }
                started.close();
                // The upstream library stops the server from a shutdown hook of its own too, and then close()
                // returns at once: wait until the server has really gone before deleting its files.
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> !Files.exists(dataDirectory.resolve("postmaster.pid")));
                deleteRecursively(dataDirectory);
            }));
        }
        return server;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("gridvault-test-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: the directory is in java.io.tmpdir, which the system cleans up anyway.
        }
    }

    /** A TCP port nothing listens on right now. */
    public static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Points a Spring context at a fresh database of its own, so the application's embedded server stays off. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                            "spring.datasource.url=" + newDatabase(),
                            "spring.datasource.username=postgres",
                            // The embedded broker on a free loopback port, keeping nothing on disk.
                            "gridvault.mqtt.port=" + freePort(),
                            "gridvault.mqtt.bind-address=127.0.0.1",
                            "gridvault.mqtt.persistence=in-memory")
                    .applyTo(context);
            // Registered before any bean, so destroyed after all of them: the context is done with the database.
            OPEN_CONTEXTS.incrementAndGet();
            ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                    .registerDisposableBean("testDatabaseReleased", OPEN_CONTEXTS::decrementAndGet);
        }
    }
}
