package org.gridvault.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.gridvault.StoredSamples;
import org.gridvault.devices.DeviceId;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The writer stores one row per device and instant, whatever order and grouping readings arrive in. */
@IntegrationTest
class TelemetryWriterIntegrationTests {

    private final TelemetryWriter writer;
    private final StoredSamples samples;
    private final MutableClock clock;

    TelemetryWriterIntegrationTests(TelemetryWriter writer, JdbcClient jdbc, MutableClock clock) {
        this.writer = writer;
        this.samples = new StoredSamples(jdbc);
        this.clock = clock;
    }

    @Test
    void mergesReadingsOfOneInstantInOneBatch() throws Exception {
        var device = DeviceId.random();
        var ts = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        writer.append(List.of(
                        Reading.of(device, ts, Map.of(Metric.POWER_W, 100.0)),
                        Reading.of(device, ts, Map.of(Metric.POWER_W, 200.0, Metric.SOC_PCT, 55.0)),
                        Reading.of(device, ts.plusSeconds(1), Map.of(Metric.POWER_W, 300.0))))
                .get(10, TimeUnit.SECONDS);

        assertThat(samples.rows(device.value()))
                .extracting(row -> row.get("power_w"), row -> row.get("soc_pct"))
                .containsExactly(tuple(100f, 55f), tuple(300f, null));
    }

    @Test
    void changesNothingWhenTheSameBatchIsWrittenAgain() throws Exception {
        var device = DeviceId.random();
        var ts = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var batch = List.of(
                Reading.of(device, ts, Map.of(Metric.ENERGY_IMPORT_WH, 1000.0)),
                Reading.of(device, ts.plusSeconds(10), Map.of(Metric.ENERGY_IMPORT_WH, 1001.0)));
        writer.append(batch).get(10, TimeUnit.SECONDS);
        var stored = samples.rows(device.value());

        writer.append(batch).get(10, TimeUnit.SECONDS);

        assertThat(samples.rows(device.value())).hasSize(2).isEqualTo(stored);
    }
}
