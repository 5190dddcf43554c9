package org.gridvault.benchmarks;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;

/**
 * PostgreSQL's side of the ingest path alone, without broker or JVM server: the SQL {@code TelemetryWriter} runs per
 * batch (COPY into a temp staging table, a merge into the samples with {@code on conflict (device_id, ts) do update}
 * filling only missing metrics, one
 * {@code rollup_queue} row, commit) against a plain binary COPY into the samples table, at several batch sizes, over
 * two connections, in one durable PostgreSQL. Shows what the staging and the batch size cost per row, in time and in
 * PostgreSQL CPU.
 *
 * <pre>java -cp benchmarks/target/gridvault-benchmarks.jar org.gridvault.benchmarks.WritePathBenchmark \
 *     --readings=500000 --devices=1000 --batches=250,1000,5000</pre>
 */
public final class WritePathBenchmark {

    private record Result(String path, int batch, double rowsPerSecond, double postgresMicrosPerRow) {}

    /** TelemetryWriter's merge: a row already stored for a device and time only gets the metrics it lacks. */
    private static final String MERGE_STAGED = mergeStatement();

    private static String mergeStatement() {
        var metrics = java.util.Arrays.stream(SampleCopy.WIDE_COLUMNS.split(","))
                .map(String::strip)
                .filter(column -> !column.equals("device_id") && !column.equals("ts"))
                .toList();
        var fill = new java.util.StringJoiner(", ");
        var lacking = new java.util.StringJoiner(" or ");
        for (var column : metrics) {
            fill.add("%1$s = coalesce(s.%1$s, excluded.%1$s)".formatted(column));
            lacking.add("(s.%1$s is null and excluded.%1$s is not null)".formatted(column));
        }
        return "insert into telemetry.samples as s select * from samples_in on conflict (device_id, ts) do update set "
                + fill + " where " + lacking;
    }

    public static void main(String[] args) throws Exception {
        var options = Arguments.parse(args);
        int readings = options.integer("readings", 500_000);
        int devices = options.integer("devices", 1_000);
        var batchSizes = List.of(options.string("batches", "250,1000,5000").split(","));
        var workDir = options.workDirectory("gridvault-writepath");
        var schema =
                new TelemetrySchema(Files.readString(Path.of(options.string("migration", TelemetrySchema.MIGRATION))));
        var fleet = MeterFleet.ofRandomIds(devices, Instant.parse("2026-01-05T00:00:00Z"), Duration.ofSeconds(10));

        try (var postgres = DurablePostgres.start(workDir.resolve("postgres"));
                var admin = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
            System.out.println(RowLayoutBenchmark.version(admin));
            var postmaster = Long.parseLong(Files.readAllLines(workDir.resolve("postgres/postmaster.pid"))
                    .getFirst()
                    .strip());
            var results = new ArrayList<Result>();
            for (var size : batchSizes) {
                int batch = Integer.parseInt(size.strip());
                var batches = new ArrayList<byte[]>();
                var ranges = new ArrayList<Object[]>();
                for (int from = 0; from < readings; from += batch) {
                    var rows = fleet.readings(from, Math.min(batch, readings - from));
                    batches.add(SampleCopy.wide(rows));
                    ranges.add(
                            rows.stream().map(MeterReading::device).distinct().toArray());
                }
                for (var staged : List.of(false, true)) {
                    recreate(admin, schema, fleet, readings);
                    var cpuBefore = CpuTime.ofPostgres(postmaster);
                    var nanos = run(postgres.jdbcUrl(), batches, ranges, fleet, staged);
                    var cpu = CpuTime.ofPostgres(postmaster) - cpuBefore;
                    var result = new Result(
                            staged ? "staged (TelemetryWriter's SQL)" : "plain COPY into samples",
                            batch,
                            readings / (nanos / 1e9),
                            (double) cpu / readings);
                    results.add(result);
                    System.out.printf(
                            "%-32s %,6d rows per transaction: %,9.0f rows/s, PostgreSQL %5.1f us per row%n",
                            result.path(), result.batch(), result.rowsPerSecond(), result.postgresMicrosPerRow());
                }
            }
        }
    }

    private static void recreate(Connection admin, TelemetrySchema schema, MeterFleet fleet, int readings)
            throws Exception {
        schema.recreate(admin);
        new PartitionedTable("telemetry.samples").createPartitions(admin, fleet.start(), fleet.end(readings));
    }

    /** Two connections, batch {@code i} on connection {@code i % 2}, each batch one transaction. */
    private static long run(
            String jdbcUrl, List<byte[]> batches, List<Object[]> devices, MeterFleet fleet, boolean staged)
            throws Exception {
        try (var pool = Executors.newFixedThreadPool(2)) {
            var started = System.nanoTime();
            var futures = new ArrayList<Future<?>>();
            for (int c = 0; c < 2; c++) {
                var first = c;
                futures.add(pool.submit(() -> {
                    try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                        connection.setAutoCommit(false);
                        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
                        for (int b = first; b < batches.size(); b += 2) {
                            var data = new ByteArrayInputStream(batches.get(b));
                            if (!staged) {
                                copy.copyIn(
                                        "copy telemetry.samples (" + SampleCopy.WIDE_COLUMNS
                                                + ") from stdin (format binary)",
                                        data);
                            } else {
                                try (var statement = connection.createStatement()) {
                                    statement.execute("create temp table if not exists samples_in"
                                            + " (like telemetry.samples) on commit delete rows");
                                    copy.copyIn(
                                            "copy samples_in (" + SampleCopy.WIDE_COLUMNS
                                                    + ") from stdin (format binary)",
                                            data);
                                    statement.execute(MERGE_STAGED);
                                }
                                try (var queued = connection.prepareStatement("insert into telemetry.rollup_queue"
                                        + " (device_ids, from_ts, to_ts, enqueued_at) values (?, ?, ?, ?)")) {
                                    queued.setArray(1, connection.createArrayOf("uuid", devices.get(b)));
                                    queued.setTimestamp(2, Timestamp.from(fleet.start()));
                                    queued.setTimestamp(3, Timestamp.from(fleet.start()));
                                    queued.setTimestamp(
                                            4, Timestamp.from(Clock.systemUTC().instant()));
                                    queued.executeUpdate();
                                }
                            }
                            connection.commit();
                        }
                    }
                    return null;
                }));
            }
            for (var future : futures) {
                future.get();
            }
            return System.nanoTime() - started;
        }
    }
}
