package org.gridvault.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridvault.database.Timestamps;
import org.gridvault.privacy.ClosedAccounts;
import org.gridvault.privacy.SubjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes or anonymises the rows of one table that a rule no longer keeps, in batches of at most {@code batchSize}
 * rows, each its own statement and transaction ({@code ... where ctid in (select ctid ... limit n)}), until a batch
 * comes back short. Table and column names come from validated rules ({@link RetentionRule}), never from a request.
 *
 * <p>Meant for ordinary tables; the partitioned samples table is handled a month at a time by
 * {@link org.gridvault.telemetry.SampleRetention}.
 */
@Component
class ExpiredRows {

    /** How many closed accounts are looked at per statement. */
    private static final int CLOSED_PAGE = 500;

    /** Rows touched, and in how many statements. */
    record Count(long rows, int batches) {

        static final Count NONE = new Count(0, 0);

        Count plus(Count other) {
            return new Count(rows + other.rows, batches + other.batches);
        }
    }

    private final JdbcClient jdbc;
    private final List<ClosedAccounts> closedAccounts;

    ExpiredRows(JdbcClient jdbc, List<ClosedAccounts> closedAccounts) {
        this.jdbc = jdbc;
        this.closedAccounts = List.copyOf(closedAccounts);
    }

    /** Whether something in this installation says which accounts are closed. */
    boolean knowsClosedAccounts() {
        return !closedAccounts.isEmpty();
    }

    /** Deletes the rows whose earliest set {@code timestamps} column is before {@code cutoff}. */
    Count deleteOlder(String table, List<String> timestamps, Instant cutoff, int batchSize) {
        var sql = "delete from %1$s where ctid in (select ctid from %1$s where least(%2$s) < :cutoff limit :limit)"
                .formatted(table, String.join(", ", timestamps));
        return inBatches(sql, cutoff, null, batchSize);
    }

    /** Clears {@code columns} in the rows whose earliest set {@code timestamps} column is before {@code cutoff}. */
    Count anonymiseOlder(String table, List<String> timestamps, List<String> columns, Instant cutoff, int batchSize) {
        var sql = ("update %1$s set %3$s where ctid in (select ctid from %1$s where least(%2$s) < :cutoff"
                        + " and (%4$s) limit :limit)")
                .formatted(
                        table,
                        String.join(", ", timestamps),
                        columns.stream().map(column -> column + " = null").collect(Collectors.joining(", ")),
                        columns.stream().map(column -> column + " is not null").collect(Collectors.joining(" or ")));
        return inBatches(sql, cutoff, null, batchSize);
    }

    /** Deletes the rows of people whose account was closed before {@code cutoff}. */
    Count deleteOfClosedAccounts(String table, String subjectColumn, Instant cutoff, int batchSize) {
        var sql = "delete from %1$s where ctid in (select ctid from %1$s where %2$s in (:subjects) limit :limit)"
                .formatted(table, subjectColumn);
        return eachClosedPage(cutoff, subjects -> inBatches(sql, null, subjects, batchSize));
    }

    /** Clears {@code columns} in the rows of people whose account was closed before {@code cutoff}. */
    Count anonymiseOfClosedAccounts(
            String table, String subjectColumn, List<String> columns, Instant cutoff, int batchSize) {
        var sql = ("update %1$s set %3$s where ctid in (select ctid from %1$s where %2$s in (:subjects)"
                        + " and (%4$s) limit :limit)")
                .formatted(
                        table,
                        subjectColumn,
                        columns.stream().map(column -> column + " = null").collect(Collectors.joining(", ")),
                        columns.stream().map(column -> column + " is not null").collect(Collectors.joining(" or ")));
        return eachClosedPage(cutoff, subjects -> inBatches(sql, null, subjects, batchSize));
    }

    private Count eachClosedPage(Instant cutoff, Function<List<UUID>, Count> action) {
        var total = Count.NONE;
        for (var source : closedAccounts) {
            SubjectId after = null;
            while (true) {
                var page = source.closedBefore(cutoff, after, CLOSED_PAGE);
                if (page.isEmpty()) {
                    break;
                }
                total = total.plus(
                        action.apply(page.stream().map(SubjectId::value).toList()));
                if (page.size() < CLOSED_PAGE) {
                    break;
                }
                after = page.getLast();
            }
        }
        return total;
    }

    private Count inBatches(String sql, @Nullable Instant cutoff, @Nullable List<UUID> subjects, int batchSize) {
        long rows = 0;
        int batches = 0;
        while (true) {
            var statement = jdbc.sql(sql).param("limit", batchSize);
            if (cutoff != null) {
                statement = statement.param("cutoff", Timestamps.of(cutoff));
            }
            if (subjects != null) {
                statement = statement.param("subjects", subjects);
            }
            var affected = statement.update();
            rows += affected;
            batches++;
            if (affected < batchSize) {
                return new Count(rows, batches);
            }
        }
    }
}
