package org.gridvault.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.gridvault.StoredSamples;
import org.gridvault.TestDevices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A client we did not write: Debian's {@code mosquitto_pub}, as firmware engineers use it to try the protocol (see
 * docs/device-protocol.md). Skipped only where it is not installed; CI installs it.
 */
@IntegrationTest
class MosquittoClientIntegrationTests {

    private final TestDevices devices;
    private final StoredSamples samples;
    private final MutableClock clock;
    private final int mqttPort;

    MosquittoClientIntegrationTests(
            ApiClient api, JdbcClient jdbc, MutableClock clock, @Value("${gridvault.mqtt.port}") int mqttPort) {
        this.devices = new TestDevices(api);
        this.samples = new StoredSamples(jdbc);
        this.clock = clock;
        this.mqttPort = mqttPort;
    }

    private record Run(int exitCode, String output) {}

    @Test
    void storesAReadingPublishedWithMosquittoPub() throws Exception {
        var meter = devices.register("grid_meter");
        var ts = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        var run = mosquittoPub(
                meter.serial(),
                meter.secret(),
                meter.topic("telemetry"),
                "{\"ts\": \"%s\", \"seq\": 1, \"values\": {\"power_w\": -1250, \"energy_export_wh\": 98765}}"
                        .formatted(ts));

        assertThat(run.exitCode()).as(run.output()).isZero();
        // mosquitto_pub -q 1 exits after the PUBACK, which comes after the write.
        assertThat(samples.rows(meter.uuid())).singleElement().satisfies(row -> {
            assertThat(((Timestamp) row.get("ts")).toInstant()).isEqualTo(ts);
            assertThat(row.get("power_w")).isEqualTo(-1250f);
            assertThat(row.get("energy_export_wh")).isEqualTo(98765.0);
        });
    }

    @Test
    void refusesMosquittoPubWithAWrongSecret() throws Exception {
        var meter = devices.register("grid_meter");

        var run = mosquittoPub(
                meter.serial(),
                "gv_dev_not-the-secret",
                meter.topic("telemetry"),
                "{\"ts\": \"%s\", \"values\": {\"power_w\": 1}}".formatted(clock.instant()));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("Bad User Name or Password");
        assertThat(samples.count(meter.uuid())).isZero();
    }

    private Run mosquittoPub(String serial, String secret, String topic, String payload)
            throws IOException, InterruptedException {
        var binary = onPath("mosquitto_pub");
        assumeTrue(binary.isPresent(), "mosquitto_pub is not installed (apt-get install mosquitto-clients)");
        var command =
                new ArrayList<>(List.of(binary.get().toString(), "-h", "127.0.0.1", "-p", String.valueOf(mqttPort)));
        command.addAll(List.of("-V", "mqttv5", "-q", "1", "-i", serial, "-u", serial, "-P", secret));
        command.addAll(List.of("-t", topic, "-m", payload));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var exited = process.waitFor(30, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("mosquitto_pub finished").isTrue();
        return new Run(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Optional<Path> onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
