package org.gridvault.benchmarks;

import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;

/**
 * R2, the machine's limit for our schema: binary COPY of wide rows straight into a fresh partitioned table created
 * {@code like telemetry.samples} (same columns, primary key and BRIN index) in the server's own database, over two
 * connections in 10k-row transactions. Rows are encoded before timing. What the ingest path achieves is reported as
 * a fraction of this, measured in the same run.
 */
record RawCopyBaseline(String jdbcUrl) {

    static final PartitionedTable TABLE = new PartitionedTable("bench.samples_raw");

    /** Rows per second for {@code rows} readings from {@code devices} meters. */
    double rowsPerSecond(long rows, int devices) throws Exception {
        var fleet = MeterFleet.ofRandomIds(
                devices, Clock.systemUTC().instant().minus(Duration.ofDays(40)), Duration.ofSeconds(1));
        var batches = new ArrayList<byte[]>();
        for (long from = 0; from < rows; from += 10_000) {
            batches.add(SampleCopy.wide(fleet.readings(from, (int) Math.min(10_000, rows - from))));
        }
        try (var admin = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            try (var statement = admin.createStatement()) {
                statement.execute("drop schema if exists bench cascade");
                statement.execute("create schema bench");
                statement.execute(
                        "create table bench.samples_raw (like telemetry.samples including defaults) partition by range (ts)");
                statement.execute("alter table bench.samples_raw add primary key (device_id, ts)");
                statement.execute("create index on bench.samples_raw using brin (ts)");
                statement.execute("checkpoint");
            }
            TABLE.createPartitions(admin, fleet.start(), fleet.end(rows));
        }
        var nanos = new BinaryCopy(jdbcUrl, TABLE.name(), SampleCopy.WIDE_COLUMNS).copy(batches, 2);
        return rows / (nanos / 1e9);
    }
}
