package org.gridvault.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A GridVault server started from its jar as a separate process, with its embedded PostgreSQL in a fresh data
 * directory and its embedded broker on a free loopback port, so its CPU can be measured apart from the load
 * generator's. {@link #close()} stops it as an operator would (SIGTERM, graceful shutdown stops PostgreSQL too) and
 * only kills what it started if that does not finish in time.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path dataDirectory;
    private final int httpPort;
    private final int mqttPort;
    private final int postgresPort;

    private ServerProcess(Process process, Path dataDirectory, int httpPort, int mqttPort, int postgresPort) {
        this.process = process;
        this.dataDirectory = dataDirectory;
        this.httpPort = httpPort;
        this.mqttPort = mqttPort;
        this.postgresPort = postgresPort;
    }

    /** Starts the server and waits until {@code /actuator/health} answers (at most {@code timeout}). */
    static ServerProcess start(Path jar, Path dataDirectory, List<String> jvmOptions, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDirectory);
        int http = freePort(), mqtt = freePort(), postgres = freePort();
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<String>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                jar.toAbsolutePath().toString(),
                "--gridvault.data-dir=" + dataDirectory.toAbsolutePath(),
                "--server.port=" + http,
                "--gridvault.mqtt.port=" + mqtt,
                "--gridvault.mqtt.bind-address=127.0.0.1",
                "--gridvault.database.embedded.port=" + postgres));
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDirectory.resolve("server.out").toFile())
                .start();
        var server = new ServerProcess(process, dataDirectory, http, mqtt, postgres);
        server.awaitHealthy(timeout);
        return server;
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
        var client = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The server exited during start-up; see " + dataDirectory.resolve("server.out"));
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("The server did not become healthy within " + timeout);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    int mqttPort() {
        return mqttPort;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:%d/gridvault".formatted(postgresPort);
    }

    long pid() {
        return process.pid();
    }

    /** The postmaster's pid: pg_ctl detaches it, so it is not a child of the server JVM. */
    long postmasterPid() throws IOException {
        var lines = Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid"));
        return Long.parseLong(lines.getFirst().strip());
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Runs a diagnostic command in the server JVM ({@code jcmd <pid> ...}), e.g. to record only the measured part of
     * a run with JFR; returns its output.
     */
    String jcmd(String... arguments) throws IOException, InterruptedException {
        var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        var command = new ArrayList<String>(List.of(jcmd, Long.toString(process.pid())));
        command.addAll(List.of(arguments));
        var run = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(run.getInputStream().readAllBytes());
        if (!run.waitFor(60, TimeUnit.SECONDS)) {
            run.destroyForcibly();
        }
        return output;
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        long postmaster = -1;
        try {
            postmaster = postmasterPid();
        } catch (IOException | RuntimeException unknown) {
            // not started yet
        }
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                // The killed server cannot stop its PostgreSQL any more; a smart shutdown ends it.
                ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroy);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
