package org.gridvault.telemetry;

import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Ends the life of raw samples a whole month at a time: drops each monthly partition of {@code telemetry.samples}
 * that lies entirely before a cutoff, once nothing in it still waits to be rolled up, so its data lives on in the
 * rollups. Dropping a partition costs the same for ten rows or a billion and leaves no dead rows to vacuum.
 *
 * <p>Safe against the writer: a drop holds the lock partition creation takes ({@link SamplePartitions}) and locks
 * the partition itself before checking the rollup queue, so a late reading is either committed (and queued) before
 * the check, which then keeps the month, or written after the drop into a partition created anew. Waits for locks
 * at most {@value #LOCK_TIMEOUT}; a month that cannot be locked in time is tried again on the next run. Thread-safe.
 */
@Service
public class SampleRetention {

    private static final String LOCK_TIMEOUT = "10s";
    private static final Pattern PARTITION = Pattern.compile("samples_(\\d{4})_(\\d{2})");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final SamplePartitions partitions;

    SampleRetention(DataSource dataSource, JdbcClient jdbc, SamplePartitions partitions) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.partitions = partitions;
    }

    /**
     * What one call did.
     *
     * @param dropped the months whose partitions were dropped
     * @param waitingForRollups past months kept for now because part of them is not rolled up yet
     */
    public record Drops(List<YearMonth> dropped, List<YearMonth> waitingForRollups) {}

    /** Drops the partition of every month that ends at or before {@code cutoff} and is fully rolled up. */
    public Drops dropMonthsBefore(Instant cutoff) {
        var dropped = new ArrayList<YearMonth>();
        var waiting = new ArrayList<YearMonth>();
        for (var month : existingMonths()) {
            if (start(month.plusMonths(1)).isAfter(cutoff)) {
                continue;
            }
            if (drop(month)) {
                dropped.add(month);
                partitions.forget(month);
            } else {
                waiting.add(month);
            }
        }
        return new Drops(List.copyOf(dropped), List.copyOf(waiting));
    }

    /** The months that have a partition, oldest first. */
    public List<YearMonth> existingMonths() {
        return jdbc.sql("""
                        select c.relname from pg_catalog.pg_inherits i
                        join pg_catalog.pg_class c on c.oid = i.inhrelid
                        join pg_catalog.pg_class p on p.oid = i.inhparent
                        join pg_catalog.pg_namespace n on n.oid = p.relnamespace
                        where n.nspname = 'telemetry' and p.relname = 'samples'
                        """).query(String.class).list().stream()
                .map(PARTITION::matcher)
                .filter(Matcher::matches)
                .map(matcher -> YearMonth.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))))
                .sorted()
                .toList();
    }

    private boolean drop(YearMonth month) {
        var table = "telemetry." + SamplePartitions.tableName(month);
        try (var connection = dataSource.getConnection()) {
            var autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("set local lock_timeout = '" + LOCK_TIMEOUT + "'");
                statement.execute("select pg_advisory_xact_lock(hashtext('telemetry.samples partitions'))");
                statement.execute("lock table " + table + " in access exclusive mode");
                boolean pending;
                try (var result = statement.executeQuery(
                        "select exists (select 1 from telemetry.rollup_queue where from_ts < '%s' and to_ts >= '%s')"
                                .formatted(start(month.plusMonths(1)), start(month)))) {
                    result.next();
                    pending = result.getBoolean(1);
                }
                if (pending) {
                    connection.rollback();
                    return false;
                }
                statement.execute("drop table " + table);
                connection.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the samples partition " + table, e);
        }
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
