package org.gridvault.retention;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one rule did to one table in a run: the evidence written to the audit log as {@code retention.rule.applied}
 * (or {@code retention.rule.failed}). Holds counts and names of things, never personal data.
 *
 * @param rule the rule's name
 * @param table the table, as {@code schema.table}
 * @param cutoff rows older than this (or of accounts closed before it) were no longer kept
 * @param rows rows deleted or anonymised
 * @param batches statements it took
 * @param partitionsDropped months whose samples partition was dropped
 * @param waitingForRollups past months kept for now because part of them is not rolled up yet
 * @param error the kind of failure, if the rule failed (the next run tries again)
 */
public record RuleOutcome(
        String rule,
        String table,
        Instant cutoff,
        long rows,
        int batches,
        List<YearMonth> partitionsDropped,
        List<YearMonth> waitingForRollups,
        @Nullable String error) {

    public boolean failed() {
        return error != null;
    }
}
