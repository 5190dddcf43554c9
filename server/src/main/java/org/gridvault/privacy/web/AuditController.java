package org.gridvault.privacy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.gridvault.privacy.AuditLog;
import org.gridvault.privacy.AuditRecord;
import org.gridvault.privacy.AuditVerification;
import org.gridvault.privacy.AuditVerifier;
import org.gridvault.problems.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The audit log for platform operators (the security configuration keeps {@code /api/v1/admin/**} to them). */
@Tag(name = "Operator: audit log", description = "Read and verify the tamper-evident log of sensitive operations")
@RestController
class AuditController {

    record Entry(
            long seq,
            Instant at,
            String action,
            String actor,
            @Nullable String subject,
            @Nullable String resource,
            JsonNode details,
            String previousHash,
            String hash) {

        static Entry of(AuditRecord entry) {
            return new Entry(
                    entry.seq(),
                    entry.at(),
                    entry.action(),
                    entry.actor(),
                    entry.subject(),
                    entry.resource(),
                    entry.details(),
                    HEX.formatHex(entry.previousHash()),
                    HEX.formatHex(entry.hash()));
        }
    }

    record Page(List<Entry> entries, @Nullable Long next) {}

    record Finding(long seq, String kind, String description) {}

    record Verification(
            boolean ok,
            String summary,
            long entriesChecked,
            @Nullable Long firstBrokenSeq,
            long lastSeq,
            String lastHash,
            List<Finding> findings,
            boolean findingsTruncated) {

        static Verification of(AuditVerification result) {
            return new Verification(
                    result.ok(),
                    result.summary(),
                    result.entriesChecked(),
                    result.firstBrokenSeq(),
                    result.lastSeq(),
                    result.lastHash(),
                    result.findings().stream()
                            .map(finding ->
                                    new Finding(finding.seq(), finding.kind().code(), finding.description()))
                            .toList(),
                    result.findingsTruncated());
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    private final AuditLog log;
    private final AuditVerifier verifier;

    AuditController(AuditLog log, AuditVerifier verifier) {
        this.log = log;
        this.verifier = verifier;
    }

    @Operation(
            summary = "Audit log entries (platform operators only)",
            description = "Entries after seq 'after', oldest first. People appear only as pseudonyms (psn_…). Pass"
                    + " 'next' as 'after' for the following page; it is absent on the last page.")
    @GetMapping("/api/v1/admin/audit")
    Page entries(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        if (after < 0 || limit < 1 || limit > AuditLog.MAX_PAGE) {
            throw ApiProblem.badRequest(
                    "privacy:audit.page-invalid",
                    "Give 'after' as a seq of 0 or more and 'limit' from 1 to %d.".formatted(AuditLog.MAX_PAGE));
        }
        var entries = log.entries(after, limit).stream().map(Entry::of).toList();
        return new Page(
                entries, entries.size() < limit ? null : entries.getLast().seq());
    }

    @Operation(
            summary = "Verify the audit log's hash chain (platform operators only)",
            description = "Recomputes every entry's hash and link. 'ok' is false when any entry was changed, deleted"
                    + " or moved; 'findings' says which and how. Keep 'lastHash' somewhere else to detect a later"
                    + " rewrite of the whole chain.")
    @GetMapping("/api/v1/admin/audit/verification")
    Verification verification() {
        return Verification.of(verifier.verify());
    }
}
