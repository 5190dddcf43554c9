package org.gridvault.telemetry;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Creates the monthly partitions of the samples table as data for a month first arrives (including late data and
 * imports of past years), and remembers which exist so the write path asks the database only for new months.
 */
@Component
class SamplePartitions {

    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

    static String tableName(YearMonth month) {
        return "samples_%04d_%02d".formatted(month.getYear(), month.getMonthValue());
    }

    static YearMonth monthOf(java.time.Instant ts) {
        return YearMonth.from(ts.atOffset(ZoneOffset.UTC));
    }

    /** Makes sure every month has its partition; safe when several writers (or nodes) race for the same month. */
    void ensure(Connection connection, Collection<YearMonth> months) throws SQLException {
        for (var month : months) {
            if (known.contains(month)) {
                continue;
            }
            synchronized (this) {
                if (!known.contains(month)) {
                    create(connection, month);
                    known.add(month);
                }
            }
        }
    }

    /** Forgets what it knows, after partitions were dropped (retention). */
    void forget(YearMonth month) {
        known.remove(month);
    }

    private static void create(Connection connection, YearMonth month) throws SQLException {
        var from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        var to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        var autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (var statement = connection.createStatement()) {
            statement.execute("select pg_advisory_lock(hashtext('telemetry.samples partitions'))");
            try {
                statement.execute(
                        "create table if not exists telemetry.%s partition of telemetry.samples for values from ('%s') to ('%s')"
                                .formatted(tableName(month), from, to));
            } finally {
                statement.execute("select pg_advisory_unlock(hashtext('telemetry.samples partitions'))");
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
