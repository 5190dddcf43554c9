package org.gridvault.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridvault.ApiClient;
import org.gridvault.devices.DeviceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sites, devices and samples for telemetry's integration tests. Samples go in the way the writer puts them: rows in
 * the month's partition of {@code telemetry.samples} (created when missing), and one {@code telemetry.rollup_queue}
 * row for the batch with its distinct devices and each one's earliest and latest time.
 */
final class TelemetryTestData {

    private final ApiClient api;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;

    TelemetryTestData(ApiClient api, JdbcClient jdbc, Clock clock, TransactionTemplate transactions) {
        this.api = api;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Creates a site owned by {@code owner}; returns its id. */
    String site(ApiClient.Account owner, String timeZone) {
        var response = api.post(
                "/api/v1/sites",
                owner.token(),
                Map.of("name", "Home " + UUID.randomUUID(), "timeZone", timeZone, "region", "eu"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    /** Registers a device of this kind (wire name, such as grid_meter) on the site. */
    DeviceId device(ApiClient.Account owner, String site, String kind) {
        var response = api.post(
                "/api/v1/sites/" + site + "/devices",
                owner.token(),
                Map.of("serialNumber", "SN-" + UUID.randomUUID(), "kind", kind));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return new DeviceId(UUID.fromString(response.json().path("id").asString()));
    }

    /** Readings every {@code step} in {@code [from, to]}, with the values {@code values} gives for each time. */
    static List<Reading> every(
            DeviceId device, Duration step, Instant from, Instant to, Function<Instant, Map<Metric, Double>> values) {
        var readings = new ArrayList<Reading>();
        for (var t = from; !t.isAfter(to); t = t.plus(step)) {
            readings.add(Reading.of(device, t, values.apply(t)));
        }
        return readings;
    }

    /** Writes one batch of readings and queues it for rollup, in one transaction, as the writer does. */
    void write(List<Reading> batch) {
        transactions.executeWithoutResult(status -> insert(batch, true));
    }

    /** Like {@link #write}, as writers did before they queued each device's own range: only the batch's range. */
    void writeQueuingOnlyTheBatchRange(List<Reading> batch) {
        transactions.executeWithoutResult(status -> insert(batch, false));
    }

    private void insert(List<Reading> batch, boolean rangePerDevice) {
        var months = new TreeSet<YearMonth>();
        batch.forEach(reading -> months.add(YearMonth.from(reading.ts().atOffset(ZoneOffset.UTC))));
        months.forEach(this::createPartition);
        var columns = String.join(
                ", ", Arrays.stream(Metric.values()).map(Metric::wireName).toList());
        var placeholders =
                String.join(", ", Arrays.stream(Metric.values()).map(m -> "?").toList());
        for (var reading : batch) {
            var parameters = new ArrayList<Object>();
            parameters.add(reading.device().value());
            parameters.add(Timestamp.from(reading.ts()));
            for (var metric : Metric.values()) {
                parameters.add(reading.has(metric) ? reading.value(metric) : null);
            }
            jdbc.sql("insert into telemetry.samples (device_id, ts, " + columns + ") values (?, ?, " + placeholders
                            + ") on conflict do nothing")
                    .params(parameters)
                    .update();
        }
        var first = batch.stream().map(Reading::ts).min(Instant::compareTo).orElseThrow();
        var last = batch.stream().map(Reading::ts).max(Instant::compareTo).orElseThrow();
        var byDevice =
                batch.stream().collect(Collectors.groupingBy(Reading::device, LinkedHashMap::new, Collectors.toList()));
        var devices = byDevice.keySet().stream().map(DeviceId::toString).collect(Collectors.joining(",", "{", "}"));
        var fromEach = byDevice.values().stream()
                .map(readings -> String.valueOf(readings.stream()
                        .mapToLong(r -> EpochMicros.of(r.ts()))
                        .min()
                        .orElseThrow()))
                .collect(Collectors.joining(",", "{", "}"));
        var toEach = byDevice.values().stream()
                .map(readings -> String.valueOf(readings.stream()
                        .mapToLong(r -> EpochMicros.of(r.ts()))
                        .max()
                        .orElseThrow()))
                .collect(Collectors.joining(",", "{", "}"));
        jdbc.sql("""
                        insert into telemetry.rollup_queue (device_ids, from_ts, to_ts, enqueued_at, from_each_us, to_each_us)
                        values (cast(? as uuid[]), ?, ?, ?, cast(? as bigint[]), cast(? as bigint[]))
                        """)
                .params(
                        devices,
                        Timestamp.from(first),
                        Timestamp.from(last),
                        Timestamp.from(clock.instant()),
                        rangePerDevice ? fromEach : null,
                        rangePerDevice ? toEach : null)
                .update();
    }

    /** Creates the month's partition as the writer does (same name, same lock), unless it exists. */
    private void createPartition(YearMonth month) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('telemetry.samples partitions'))")
                .query()
                .singleRow();
        jdbc.sql("""
                        create table if not exists telemetry.samples_%d_%02d partition of telemetry.samples
                        for values from ('%s-01 00:00:00+00') to ('%s-01 00:00:00+00')
                        """.formatted(month.getYear(), month.getMonthValue(), month, month.plusMonths(1)))
                .update();
    }
}
