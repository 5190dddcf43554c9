package org.gridvault.retention;

import java.time.LocalDate;
import java.util.List;

/**
 * One day's run of the retention job.
 *
 * @param day the UTC day it ran for
 * @param missedDays days since the previous run that had no run of their own (the server was down); this run
 *     applied the rules as of {@code day}, which covers them
 * @param outcomes what each rule did to each table
 */
public record RetentionRun(LocalDate day, long missedDays, List<RuleOutcome> outcomes) {

    public long rows() {
        return outcomes.stream().mapToLong(RuleOutcome::rows).sum();
    }

    public long partitionsDropped() {
        return outcomes.stream()
                .mapToLong(outcome -> outcome.partitionsDropped().size())
                .sum();
    }
}
