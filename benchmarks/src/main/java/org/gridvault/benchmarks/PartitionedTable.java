package org.gridvault.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** A table partitioned by month of {@code ts}, as {@code telemetry.samples} is. */
record PartitionedTable(String name) {

    /** Creates the monthly partitions covering {@code [from, to)}. */
    void createPartitions(Connection connection, Instant from, Instant to) throws SQLException {
        var month = YearMonth.from(from.atOffset(ZoneOffset.UTC));
        var last = YearMonth.from(to.atOffset(ZoneOffset.UTC));
        try (var statement = connection.createStatement()) {
            for (; !month.isAfter(last); month = month.plusMonths(1)) {
                statement.execute(
                        "create table if not exists %s_%04d_%02d partition of %s for values from ('%s') to ('%s')"
                                .formatted(
                                        name,
                                        month.getYear(),
                                        month.getMonthValue(),
                                        name,
                                        month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                                        month.plusMonths(1)
                                                .atDay(1)
                                                .atStartOfDay()
                                                .toInstant(ZoneOffset.UTC)));
            }
        }
    }

    /** Heap, TOAST and all indexes of all partitions. */
    long bytesOnDisk(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement(
                "select coalesce(sum(pg_total_relation_size(relid)), 0) from pg_partition_tree(?::regclass)")) {
            statement.setString(1, name);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    long count(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from " + name)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
