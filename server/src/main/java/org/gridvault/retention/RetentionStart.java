package org.gridvault.retention;

/** What a retention period is counted from. */
public enum RetentionStart {
    /** The data's own age: a time column of the row (the earliest of several, when one is not set). */
    DATA_AGE,
    /** The closure of the account the row belongs to (see {@link org.gridvault.privacy.ClosedAccounts}). */
    ACCOUNT_CLOSURE,
    /**
     * No period of its own: the data is kept while the thing it describes exists (an account, a site, a device) and
     * goes with it, by erasure or by the module that owns it. The rule's note says which.
     */
    WHILE_NEEDED
}
