package org.gridvault.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.gridvault.database.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The job's progress in {@code retention.runs}: the last day it completed, and the lease of a run under way. */
@Repository
class RetentionRuns {

    /** A day's run, taken by this node; {@code lastRun} is the day before it that completed, if any ever did. */
    record Claim(@Nullable LocalDate lastRun) {}

    private final JdbcClient jdbc;

    RetentionRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes {@code today}'s run, unless it already completed or another node holds an unexpired lease: one atomic
     * update, so two nodes never both get it.
     */
    Optional<Claim> claim(LocalDate today, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                        update retention.runs set claimed_until = :until
                        where (last_run_date is null or last_run_date < :today)
                          and (claimed_until is null or claimed_until <= :now)
                        returning last_run_date
                        """)
                .param("until", Timestamps.of(leaseUntil))
                .param("today", today)
                .param("now", Timestamps.of(now))
                .query((row, number) -> {
                    var last = row.getObject("last_run_date", LocalDate.class);
                    return new Claim(last);
                })
                .optional();
    }

    void complete(LocalDate day) {
        jdbc.sql("update retention.runs set last_run_date = :day, claimed_until = null")
                .param("day", day)
                .update();
    }

    void release() {
        jdbc.sql("update retention.runs set claimed_until = null").update();
    }

    Optional<LocalDate> lastRun() {
        return jdbc.sql("select last_run_date from retention.runs")
                .query((row, number) -> Optional.ofNullable(row.getObject("last_run_date", LocalDate.class)))
                .single();
    }
}
