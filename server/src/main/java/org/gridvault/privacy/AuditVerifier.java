package org.gridvault.privacy;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.gridvault.privacy.AuditVerification.Finding;
import org.gridvault.privacy.AuditVerification.Kind;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the audit log's hash chain from the first entry to the head and reports every problem it finds: an
 * entry whose contents no longer match its hash (changed), a gap in the numbering (deleted), an entry that does not
 * link to its predecessor (replaced, or moved), and a head row that does not name the last entry (removed from or
 * added at the end).
 *
 * <pre>{@code
 * var verdict = verifier.verify();
 * if (!verdict.ok()) {
 *     verdict.findings().forEach(finding -> log.error("{}: {}", finding.seq(), finding.description()));
 * }
 * }</pre>
 *
 * <p>Reads one consistent snapshot (repeatable read), page by page, so it runs alongside appends and keeps little in
 * memory. It proves that the log was not changed piecemeal; someone who rewrites the whole chain from some entry on
 * with correct hashes is caught only by comparing {@link AuditVerification#lastHash()} with a copy kept elsewhere.
 * Thread-safe.
 */
@Service
public class AuditVerifier {

    /** Most findings a verification lists. */
    public static final int MAX_FINDINGS = 100;

    private static final int PAGE = 1000;
    private static final HexFormat HEX = HexFormat.of();

    private final AuditEntries entries;

    AuditVerifier(AuditEntries entries) {
        this.entries = entries;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AuditVerification verify() {
        var findings = new Findings();
        long checked = 0;
        long previousSeq = 0;
        byte[] previousHash = AuditHash.GENESIS;
        while (true) {
            var page = entries.after(previousSeq, PAGE);
            for (var entry : page) {
                checked++;
                check(entry, previousSeq, previousHash, findings);
                previousSeq = entry.seq();
                previousHash = entry.hash();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        var head = entries.head();
        if (head.isEmpty()) {
            findings.add(previousSeq + 1, Kind.HEAD_MISMATCH, "The head row is gone: the log's end cannot be checked.");
        } else if (head.get().seq() > previousSeq) {
            findings.add(
                    previousSeq + 1,
                    Kind.MISSING,
                    missing(previousSeq + 1, head.get().seq()) + " from the end of the log.");
        } else if (head.get().seq() < previousSeq) {
            findings.add(
                    head.get().seq() + 1,
                    Kind.HEAD_MISMATCH,
                    "Entries %d to %d were not appended through the audit log (the head names entry %d)."
                            .formatted(
                                    head.get().seq() + 1,
                                    previousSeq,
                                    head.get().seq()));
        } else if (!MessageDigest.isEqual(head.get().hash(), previousHash)) {
            findings.add(
                    previousSeq,
                    Kind.HEAD_MISMATCH,
                    "The head names entry %d with another hash: the last entry was replaced.".formatted(previousSeq));
        }
        var lastSeq = head.map(AuditEntries.Head::seq).orElse(previousSeq);
        var lastHash = head.map(AuditEntries.Head::hash).orElse(previousHash);
        return new AuditVerification(
                findings.list.isEmpty(),
                checked,
                findings.firstBroken,
                lastSeq,
                HEX.formatHex(lastHash),
                List.copyOf(findings.list),
                findings.truncated);
    }

    private void check(AuditRecord entry, long previousSeq, byte[] previousHash, Findings findings) {
        var seq = entry.seq();
        if (!MessageDigest.isEqual(entry.expectedHash(), entry.hash())) {
            findings.add(
                    seq,
                    Kind.CHANGED,
                    "Entry %d does not match its hash: it was changed after it was written.".formatted(seq));
        }
        if (seq != previousSeq + 1) {
            findings.add(seq, previousSeq + 1, Kind.MISSING, missing(previousSeq + 1, seq - 1) + ".");
        } else if (!MessageDigest.isEqual(entry.previousHash(), previousHash)) {
            if (findings.full()) {
                findings.add(seq, Kind.BROKEN_LINK, "");
                return;
            }
            var linked = entries.seqWithHash(entry.previousHash());
            if (linked.isPresent()) {
                findings.add(
                        seq,
                        Kind.REORDERED,
                        "Entry %d follows entry %d in the chain, not entry %d: entries were moved."
                                .formatted(seq, linked.get(), previousSeq));
            } else {
                findings.add(
                        seq,
                        Kind.BROKEN_LINK,
                        previousSeq == 0
                                ? "Entry 1 does not start the chain: the beginning of the log was replaced."
                                : "Entry %d does not link to entry %d: entry %d was replaced."
                                        .formatted(seq, previousSeq, previousSeq));
            }
        }
    }

    private static String missing(long first, long last) {
        return first == last
                ? "Entry %d is missing: deleted".formatted(first)
                : "Entries %d to %d are missing: deleted".formatted(first, last);
    }

    /** The findings so far: the first {@link #MAX_FINDINGS}, and the lowest seq of all. */
    private static final class Findings {

        private final List<Finding> list = new ArrayList<>();
        private @Nullable Long firstBroken;
        private boolean truncated;

        void add(long seq, Kind kind, String description) {
            add(seq, seq, kind, description);
        }

        /** A finding at {@code seq} that shows entries to be broken from {@code firstAffected} on. */
        void add(long seq, long firstAffected, Kind kind, String description) {
            firstBroken = firstBroken == null ? firstAffected : Math.min(firstBroken, firstAffected);
            if (full()) {
                truncated = true;
            } else {
                list.add(new Finding(seq, kind, description));
            }
        }

        boolean full() {
            return list.size() >= MAX_FINDINGS;
        }
    }
}
