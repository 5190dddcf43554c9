package org.gridvault.privacy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The verdict of the {@link AuditVerifier} over the whole audit log.
 *
 * @param ok whether the chain is intact: no findings
 * @param entriesChecked how many entries were read and recomputed
 * @param firstBrokenSeq the first entry that is not intact (changed, or the first of missing ones): everything
 *     before it is; null when ok
 * @param lastSeq the seq of the last entry the head row names (0 for an empty log)
 * @param lastHash that entry's hash in hex. Written down somewhere else, it lets a later verification prove that
 *     the history up to there was not rewritten as a whole (see {@code docs/privacy/audit-log.md}).
 * @param findings every problem found, in order of seq (at most {@link AuditVerifier#MAX_FINDINGS})
 * @param findingsTruncated whether there were more findings than listed
 */
public record AuditVerification(
        boolean ok,
        long entriesChecked,
        @Nullable Long firstBrokenSeq,
        long lastSeq,
        String lastHash,
        List<Finding> findings,
        boolean findingsTruncated) {

    /**
     * One problem, found at entry {@code seq}. Missing entries are found at the entry after the gap; the
     * description names the missing ones.
     */
    public record Finding(long seq, Kind kind, String description) {}

    /** What kind of tampering a finding points to. */
    public enum Kind {
        /** The entry's hash does not match its contents: a field was changed after the entry was written. */
        CHANGED("changed"),
        /** Entries before this one (or at the end of the log) are gone: deleted. */
        MISSING("missing"),
        /** The entry does not link to its predecessor: the predecessor was replaced (and rehashed). */
        BROKEN_LINK("broken-link"),
        /** The entry links to another entry than its predecessor: entries were moved to other places. */
        REORDERED("reordered"),
        /** The head row does not name the last entry, or is gone: entries were removed from or added at the end. */
        HEAD_MISMATCH("head-mismatch");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The stable name of the kind, as the API and the command line show it. */
        public String code() {
            return code;
        }
    }

    /** A one-line verdict for people, such as the command line prints. */
    public String summary() {
        if (ok) {
            return "Audit log intact: %d entries checked, last entry %d has hash %s."
                    .formatted(entriesChecked, lastSeq, lastHash);
        }
        return "Audit log BROKEN: %d finding(s)%s, first broken entry %d (%d entries checked)."
                .formatted(findings.size(), findingsTruncated ? " and more" : "", firstBrokenSeq, entriesChecked);
    }
}
