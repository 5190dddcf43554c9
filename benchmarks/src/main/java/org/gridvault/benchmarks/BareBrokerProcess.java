package org.gridvault.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link BareBroker} in its own JVM on a free loopback port; closing its standard input stops it. */
final class BareBrokerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private BareBrokerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the broker and waits until it listens. */
    static BareBrokerProcess start(Path directory, BrokerFloorBenchmark.Hold hold, List<String> jvmOptions)
            throws IOException {
        Files.createDirectories(directory);
        int port = ServerProcess.freePort();
        var command = new ArrayList<String>(
                List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                BareBroker.class.getName(),
                "--port=" + port,
                "--hold=" + hold.kind(),
                "--release-every-millis=" + hold.releaseEveryMillis(),
                "--work-dir=" + directory.toAbsolutePath()));
        var process = new ProcessBuilder(command)
                .redirectError(directory.resolve("broker.err").toFile())
                .start();
        var broker = new BareBrokerProcess(process, port);
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("ready")) {
            // HiveMQ's start-up lines, if any went to standard output
        }
        if (line == null) {
            broker.close();
            throw new IllegalStateException(
                    "The broker exited during start-up; see " + directory.resolve("broker.err"));
        }
        Thread.ofPlatform().daemon().start(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ended) {
                // the broker stopped
            }
        });
        return broker;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
