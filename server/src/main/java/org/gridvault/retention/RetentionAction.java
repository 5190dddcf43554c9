package org.gridvault.retention;

/** What happens to data once its retention period is over. */
public enum RetentionAction {
    /** The rows are deleted. */
    DELETE,
    /** The rule's columns are cleared (set to null); the rest of the row stays. */
    ANONYMISE,
    /**
     * Raw samples, already aggregated into rollups: each month entirely past the period has its partition dropped
     * once no part of it still waits to be rolled up. The rollups stay (they have rules of their own).
     */
    AGGREGATE_THEN_DROP,
    /** Nothing by the retention job ({@link RetentionStart#WHILE_NEEDED}). */
    NONE
}
