package org.gridvault.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gridvault.privacy.AuditEntry;
import org.gridvault.privacy.AuditLog;
import org.gridvault.telemetry.SampleRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies the retention rules once per UTC day, as the injected {@link Clock} tells it: the first call on a day
 * applies every rule, later calls that day do nothing. The day's run is claimed in the database ({@code
 * retention.runs}), so a restart never repeats it, a day missed while the server was down is caught up by the
 * next call (the rules cut off by age, so one run as of today covers the missed days), and two nodes never run it
 * at once.
 *
 * <p>Each rule and table leaves a {@code retention.rule.applied} entry in the audit log (rule, table, cutoff, rows,
 * batches, partitions dropped), and each run a {@code retention.run.completed} entry: counts and names only, never
 * personal data. A rule that fails is recorded as {@code retention.rule.failed} with the kind of error and does not
 * stop the others; the next day's run tries it again. Called by {@link RetentionSchedule}; tests call {@link
 * #runIfDue} after moving the clock. Thread-safe.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final String ACTOR = "retention";

    private final RetentionRules rules;
    private final RetentionProperties properties;
    private final RetentionRuns runs;
    private final ExpiredRows expiredRows;
    private final SampleRetention samples;
    private final AuditLog audit;
    private final Clock clock;

    Retention(
            RetentionRules rules,
            RetentionProperties properties,
            RetentionRuns runs,
            ExpiredRows expiredRows,
            SampleRetention samples,
            AuditLog audit,
            Clock clock) {
        this.rules = rules;
        this.properties = properties;
        this.runs = runs;
        this.expiredRows = expiredRows;
        this.samples = samples;
        this.audit = audit;
        this.clock = clock;
    }

    /** Applies every rule if today's run has not happened yet; empty when it has (or another node is running it). */
    public Optional<RetentionRun> runIfDue() {
        var now = clock.instant();
        var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        var claim = runs.claim(today, now, now.plus(properties.lease()));
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        try {
            var last = claim.get().lastRun();
            var missed = last == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(last, today) - 1);
            var run = new RetentionRun(today, missed, applyAll(now));
            audit.record(AuditEntry.bySystem(ACTOR, "retention.run.completed")
                    .with("day", today)
                    .with("missedDays", missed)
                    .with("rules", rules.all().size())
                    .with("rows", run.rows())
                    .with("partitionsDropped", run.partitionsDropped())
                    .with(
                            "failed",
                            run.outcomes().stream().filter(RuleOutcome::failed).count())
                    .with("tookMs", clock.millis() - now.toEpochMilli()));
            runs.complete(today);
            log.info(
                    "Retention for {}: {} row(s) deleted or anonymised, {} partition(s) dropped{}",
                    today,
                    run.rows(),
                    run.partitionsDropped(),
                    missed > 0 ? ", catching up " + missed + " missed day(s)" : "");
            return Optional.of(run);
        } catch (RuntimeException e) {
            runs.release();
            throw e;
        }
    }

    /** The last day a run completed, if any. */
    public Optional<LocalDate> lastRun() {
        return runs.lastRun();
    }

    private List<RuleOutcome> applyAll(Instant now) {
        var outcomes = new ArrayList<RuleOutcome>();
        rules.all().forEach((name, rule) -> {
            if (rule.action() == RetentionAction.NONE) {
                return;
            }
            var cutoff = now.atOffset(ZoneOffset.UTC).minus(rule.keep()).toInstant();
            for (var table : rule.tables()) {
                var outcome = apply(name, rule, table, cutoff);
                record(rule, outcome);
                outcomes.add(outcome);
            }
        });
        return List.copyOf(outcomes);
    }

    private RuleOutcome apply(String name, RetentionRule rule, String table, Instant cutoff) {
        try {
            if (rule.action() == RetentionAction.AGGREGATE_THEN_DROP) {
                var drops = samples.dropMonthsBefore(cutoff);
                return new RuleOutcome(name, table, cutoff, 0, 0, drops.dropped(), drops.waitingForRollups(), null);
            }
            var batch = properties.batchSize();
            var count = switch (rule.from()) {
                case DATA_AGE ->
                    rule.action() == RetentionAction.ANONYMISE
                            ? expiredRows.anonymiseOlder(table, rule.timestamps(), rule.anonymise(), cutoff, batch)
                            : expiredRows.deleteOlder(table, rule.timestamps(), cutoff, batch);
                case ACCOUNT_CLOSURE ->
                    rule.action() == RetentionAction.ANONYMISE
                            ? expiredRows.anonymiseOfClosedAccounts(
                                    table, subjectColumn(rule), rule.anonymise(), cutoff, batch)
                            : expiredRows.deleteOfClosedAccounts(table, subjectColumn(rule), cutoff, batch);
                case WHILE_NEEDED -> ExpiredRows.Count.NONE;
            };
            return new RuleOutcome(name, table, cutoff, count.rows(), count.batches(), List.of(), List.of(), null);
        } catch (RuntimeException e) {
            log.error("Retention rule {} failed on {}; the next run tries again", name, table, e);
            return new RuleOutcome(
                    name,
                    table,
                    cutoff,
                    0,
                    0,
                    List.of(),
                    List.of(),
                    e.getClass().getSimpleName());
        }
    }

    private void record(RetentionRule rule, RuleOutcome outcome) {
        var entry = AuditEntry.bySystem(ACTOR, outcome.failed() ? "retention.rule.failed" : "retention.rule.applied")
                .on("table", outcome.table())
                .with("rule", outcome.rule())
                .with("from", rule.from().name().toLowerCase(Locale.ROOT))
                .with("action", rule.action().name().toLowerCase(Locale.ROOT))
                .with("cutoff", outcome.cutoff())
                .with("rows", outcome.rows())
                .with("batches", outcome.batches());
        if (rule.action() == RetentionAction.AGGREGATE_THEN_DROP) {
            entry = entry.with("partitionsDropped", outcome.partitionsDropped().size())
                    .with("waitingForRollups", outcome.waitingForRollups().size());
            if (!outcome.partitionsDropped().isEmpty()) {
                entry = entry.with("oldestDropped", outcome.partitionsDropped().getFirst())
                        .with("newestDropped", outcome.partitionsDropped().getLast());
            }
        }
        if (rule.from() == RetentionStart.ACCOUNT_CLOSURE && !expiredRows.knowsClosedAccounts()) {
            entry = entry.with("closedAccounts", "unknown");
        }
        if (outcome.error() != null) {
            entry = entry.with("error", outcome.error());
        }
        audit.record(entry);
    }

    private static String subjectColumn(RetentionRule rule) {
        var column = rule.subjectColumn();
        if (column == null) {
            throw new IllegalStateException("Account-closure rule without a subject column");
        }
        return column;
    }
}
