package org.gridvault.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Wide rows (one per reading, a column per metric: GridVault's samples table) against narrow rows (one per value:
 * device, ts, metric, value), written with binary COPY into one durable PostgreSQL, in the same run, alternating, on
 * fresh tables each round. Reports values/s and bytes on disk per value (heap + all indexes), medians of the rounds.
 *
 * <pre>java -cp benchmarks/target/gridvault-benchmarks.jar org.gridvault.benchmarks.RowLayoutBenchmark \
 *     --readings=2000000 --devices=1000 --rounds=3 --readings-per-transaction=10000</pre>
 *
 * The wide table is created by the server's own V1 samples migration (read from the source tree), so it is the schema
 * GridVault runs; the narrow one gets the same partitioning and BRIN index with the primary key (device_id, ts,
 * metric). Both tables get the same readings per transaction, so the narrow one commits 8x the rows per transaction.
 */
public final class RowLayoutBenchmark {

    private static final Path MIGRATION =
            Path.of("server/src/main/resources/db/migration/telemetry/V1__telemetry_create_samples.sql");

    private record Layout(String name, PartitionedTable table, String columns) {}

    private record Round(double valuesPerSecond, double rowsPerSecond, double bytesPerValue) {}

    public static void main(String[] args) throws Exception {
        var options = Arguments.parse(args);
        int readings = options.integer("readings", 2_000_000);
        int devices = options.integer("devices", 1_000);
        int rounds = options.integer("rounds", 3);
        int perTransaction = options.integer("readings-per-transaction", 10_000);
        var workDir = options.workDirectory("gridvault-rowlayout");
        var migration = Files.readString(Path.of(options.string("migration", MIGRATION.toString())));

        var fleet = MeterFleet.ofRandomIds(devices, Instant.parse("2026-01-05T00:00:00Z"), Duration.ofSeconds(10));
        var wide = new Layout(
                "wide (row per reading)", new PartitionedTable("telemetry.samples"), SampleCopy.WIDE_COLUMNS);
        var narrow =
                new Layout("narrow (row per value)", new PartitionedTable("narrow.samples"), SampleCopy.NARROW_COLUMNS);
        System.out.printf(
                "Encoding %,d readings from %,d meters in batches of %,d...%n", readings, devices, perTransaction);
        var wideBatches = new ArrayList<byte[]>();
        var narrowBatches = new ArrayList<byte[]>();
        for (int from = 0; from < readings; from += perTransaction) {
            var batch = fleet.readings(from, Math.min(perTransaction, readings - from));
            wideBatches.add(SampleCopy.wide(batch));
            narrowBatches.add(SampleCopy.narrow(batch));
        }

        try (var postgres = DurablePostgres.start(workDir.resolve("postgres"));
                var admin = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
            System.out.println(version(admin));
            var results = new ArrayList<List<Round>>(List.of(new ArrayList<>(), new ArrayList<>()));
            for (int round = 1; round <= rounds; round++) {
                for (var index : round % 2 == 1 ? new int[] {0, 1} : new int[] {1, 0}) {
                    var layout = index == 0 ? wide : narrow;
                    var batches = index == 0 ? wideBatches : narrowBatches;
                    recreate(admin, layout, migration);
                    layout.table().createPartitions(admin, fleet.start(), fleet.end(readings));
                    var copy = new BinaryCopy(postgres.jdbcUrl(), layout.table().name(), layout.columns());
                    var nanos = copy.copy(batches, 1);
                    var values = (double) readings * MeterReading.VALUES;
                    var rows = index == 0 ? readings : values;
                    var bytes = layout.table().bytesOnDisk(admin);
                    var result = new Round(values / (nanos / 1e9), rows / (nanos / 1e9), bytes / values);
                    results.get(index).add(result);
                    System.out.printf(
                            "round %d %-24s %,10.0f rows/s %,11.0f values/s %6.1f bytes/value (%.1f s)%n",
                            round,
                            layout.name(),
                            result.rowsPerSecond(),
                            result.valuesPerSecond(),
                            result.bytesPerValue(),
                            nanos / 1e9);
                }
            }
            System.out.printf(
                    "%nMedians of %d rounds, %,d readings x %d values, 1 connection, %,d readings per transaction:%n",
                    rounds, readings, MeterReading.VALUES, perTransaction);
            for (var index : new int[] {0, 1}) {
                var layout = index == 0 ? wide : narrow;
                System.out.printf(
                        "%-24s %,10.0f rows/s %,11.0f values/s %6.1f bytes/value%n",
                        layout.name(),
                        median(results.get(index).stream()
                                .mapToDouble(Round::rowsPerSecond)
                                .toArray()),
                        median(results.get(index).stream()
                                .mapToDouble(Round::valuesPerSecond)
                                .toArray()),
                        median(results.get(index).stream()
                                .mapToDouble(Round::bytesPerValue)
                                .toArray()));
            }
            var speed = median(results.get(0).stream()
                            .mapToDouble(Round::valuesPerSecond)
                            .toArray())
                    / median(results.get(1).stream()
                            .mapToDouble(Round::valuesPerSecond)
                            .toArray());
            var space = median(results.get(1).stream()
                            .mapToDouble(Round::bytesPerValue)
                            .toArray())
                    / median(results.get(0).stream()
                            .mapToDouble(Round::bytesPerValue)
                            .toArray());
            System.out.printf("wide/narrow: %.1fx the values/s, %.1fx fewer bytes per value%n", speed, space);
        }
    }

    private static void recreate(Connection admin, Layout layout, String migration) throws Exception {
        try (var statement = admin.createStatement()) {
            statement.execute("drop schema if exists telemetry cascade");
            statement.execute("drop schema if exists narrow cascade");
            statement.execute("checkpoint");
            if (layout.table().name().startsWith("telemetry.")) {
                statement.execute("create schema telemetry");
                statement.execute("set search_path to telemetry");
                statement.execute(migration);
                statement.execute("set search_path to public");
            } else {
                statement.execute("create schema narrow");
                statement.execute("""
                        create table narrow.samples (
                            device_id uuid not null,
                            ts        timestamptz not null,
                            metric    smallint not null,
                            value     double precision not null,
                            primary key (device_id, ts, metric)
                        ) partition by range (ts)""");
                statement.execute("create index on narrow.samples using brin (ts)");
            }
        }
    }

    static String version(Connection connection) throws Exception {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select version()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    static double median(double[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
