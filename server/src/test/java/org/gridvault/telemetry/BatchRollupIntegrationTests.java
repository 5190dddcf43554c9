package org.gridvault.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.gridvault.devices.DeviceId;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rollup worker handles the devices of a batch together, in shared statements (three devices each here, so that
 * a batch takes several) and in rounds for devices with several ranges. Twins prove that changes nothing: each device
 * has a twin with the same readings, and the twins are written and rolled up one device and one batch at a time, as
 * the worker did before it batched anything.
 */
@IntegrationTest
@TestPropertySource(properties = "gridvault.telemetry.rollups.devices-per-statement=3")
class BatchRollupIntegrationTests {

    private static final List<String> TABLES =
            List.of("rollup_5m", "rollup_15m", "rollup_1h", "rollup_day", "rollup_month", "reported_metrics");

    /** Write batches far enough apart not to merge; the third comes late, into the first one's hours. */
    private static final List<List<Instant>> BATCHES = List.of(
            List.of(Instant.parse("2026-03-28T21:00:00Z"), Instant.parse("2026-03-28T23:30:00Z")),
            List.of(Instant.parse("2026-03-29T05:00:00Z"), Instant.parse("2026-03-29T06:00:00Z")),
            List.of(Instant.parse("2026-03-28T22:10:00Z"), Instant.parse("2026-03-28T22:40:00Z")),
            List.of(Instant.parse("2026-03-30T21:50:00Z"), Instant.parse("2026-03-31T22:20:00Z")));

    private final ApiClient api;
    private final JdbcClient jdbc;
    private final Rollups rollups;
    private final TelemetryTestData data;
    private final TransactionTemplate transactions;

    BatchRollupIntegrationTests(
            ApiClient api, JdbcClient jdbc, Rollups rollups, MutableClock clock, TransactionTemplate transactions) {
        this.api = api;
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.data = new TelemetryTestData(api, jdbc, clock, transactions);
        this.transactions = transactions;
    }

    @Test
    void rollsUpManyDevicesWithSeveralRangesEachInOneBatchAsIfOneAtATime() {
        var owner = api.newPerson();
        var site = data.site(owner, "Europe/Berlin");
        var kinds = List.of("grid_meter", "grid_meter", "smart_plug", "battery", "pv_inverter");
        var together = new ArrayList<DeviceId>();
        var alone = new ArrayList<DeviceId>();
        for (var kind : kinds) {
            together.add(data.device(owner, site, kind));
            alone.add(data.device(owner, site, kind));
        }
        rollups.rollUpPending();

        var random = new Random(7);
        var histories = new ArrayList<List<List<Map.Entry<Instant, Map<Metric, Double>>>>>();
        for (var kind : kinds) {
            histories.add(history(kind, random));
        }
        // Four queue rows committed at once, so that the worker takes them in one batch.
        transactions.executeWithoutResult(status -> {
            for (int batch = 0; batch < BATCHES.size(); batch++) {
                var readings = new ArrayList<Reading>();
                for (int d = 0; d < kinds.size(); d++) {
                    readings.addAll(readings(together.get(d), histories.get(d).get(batch)));
                }
                data.write(readings);
            }
        });
        rollups.rollUpPending();
        for (int d = 0; d < kinds.size(); d++) {
            for (int batch = 0; batch < BATCHES.size(); batch++) {
                data.write(readings(alone.get(d), histories.get(d).get(batch)));
                rollups.rollUpPending();
            }
        }

        for (int d = 0; d < kinds.size(); d++) {
            for (var table : TABLES) {
                var rolledUpTogether = rows(table, together.get(d));
                assertThat(rolledUpTogether)
                        .as("%s of the %s", table, kinds.get(d))
                        .isNotEmpty();
                assertThat(rolledUpTogether)
                        .as("%s of the %s", table, kinds.get(d))
                        .isEqualTo(rows(table, alone.get(d)));
            }
        }
    }

    @Test
    void rollsUpRowsQueuedWithOnlyTheBatchRangeLikeRowsWithEachDevicesRange() {
        var owner = api.newPerson();
        var site = data.site(owner, "Europe/Berlin");
        var queuedBefore = List.of(data.device(owner, site, "grid_meter"), data.device(owner, site, "smart_plug"));
        var queuedNow = List.of(data.device(owner, site, "grid_meter"), data.device(owner, site, "smart_plug"));
        var random = new Random(11);
        var histories = List.of(history("grid_meter", random), history("smart_plug", random));

        for (int batch = 0; batch < BATCHES.size(); batch++) {
            var before = new ArrayList<Reading>();
            var now = new ArrayList<Reading>();
            for (int d = 0; d < 2; d++) {
                // The plug's part of each batch is shifted, so the batch's range is wider than either device's.
                var shift = Duration.ofHours(3L * d);
                var history = histories.get(d).get(batch).stream()
                        .map(entry -> Map.entry(entry.getKey().plus(shift), entry.getValue()))
                        .toList();
                before.addAll(readings(queuedBefore.get(d), history));
                now.addAll(readings(queuedNow.get(d), history));
            }
            data.writeQueuingOnlyTheBatchRange(before);
            data.write(now);
        }
        rollups.rollUpPending();

        for (int d = 0; d < 2; d++) {
            for (var table : TABLES) {
                assertThat(rows(table, queuedBefore.get(d)))
                        .as(table)
                        .isNotEmpty()
                        .isEqualTo(rows(table, queuedNow.get(d)));
            }
        }
    }

    /**
     * Readings per write batch: every 20 to 100 seconds, counters that grow and once restart, power that moves; the
     * metrics the kind reports.
     */
    private static List<List<Map.Entry<Instant, Map<Metric, Double>>>> history(String kind, Random random) {
        var counters = switch (kind) {
            case "grid_meter" -> List.of(Metric.ENERGY_IMPORT_WH, Metric.ENERGY_EXPORT_WH);
            case "battery" -> List.of(Metric.ENERGY_CHARGED_WH, Metric.ENERGY_DISCHARGED_WH);
            default -> List.<Metric>of();
        };
        var totals = new EnumMap<Metric, Double>(Metric.class);
        counters.forEach(counter -> totals.put(counter, 1_000.0 * random.nextInt(100)));
        var batches = new ArrayList<List<Map.Entry<Instant, Map<Metric, Double>>>>();
        for (var bounds : BATCHES) {
            var batch = new ArrayList<Map.Entry<Instant, Map<Metric, Double>>>();
            for (var t = bounds.get(0);
                    !t.isAfter(bounds.get(1));
                    t = t.plus(Duration.ofSeconds(20 + random.nextInt(80)))) {
                var values = new EnumMap<Metric, Double>(Metric.class);
                values.put(Metric.POWER_W, (double) random.nextInt(4_000) - 1_000);
                for (var counter : counters) {
                    totals.merge(
                            counter, random.nextInt(100) == 0 ? -totals.get(counter) : random.nextInt(30), Double::sum);
                    values.put(counter, totals.get(counter));
                }
                batch.add(Map.entry(t, values));
            }
            batches.add(batch);
        }
        return batches;
    }

    private static List<Reading> readings(DeviceId device, List<Map.Entry<Instant, Map<Metric, Double>>> history) {
        return history.stream()
                .map(entry -> Reading.of(device, entry.getKey(), entry.getValue()))
                .toList();
    }

    /** The device's rows of a rollup table, oldest first, without the device. */
    private List<Map<String, Object>> rows(String table, DeviceId device) {
        var rows = jdbc.sql("select * from telemetry." + table + " where device_id = :device order by 2")
                .param("device", device.value())
                .query()
                .listOfRows();
        rows.forEach(row -> row.remove("device_id"));
        return rows;
    }
}
