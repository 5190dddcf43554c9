package org.gridvault.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.gridvault.database.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code privacy.audit_log} table and its head: the one row that names the last entry, locked by every append
 * so that appends happen one after the other and the chain never forks.
 */
@Repository
class AuditEntries {

    /** The last entry as the head row records it (seq 0 and {@link AuditHash#GENESIS} while the log is empty). */
    record Head(long seq, byte[] hash) {}

    private static final JsonMapper JSON = JsonMapper.shared();

    private final JdbcClient jdbc;

    AuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the head until the current transaction ends. */
    Head lockHead() {
        return jdbc.sql("select seq, hash from privacy.audit_log_head for update")
                .query((row, i) -> new Head(row.getLong("seq"), row.getBytes("hash")))
                .optional()
                .orElseThrow(
                        () -> new IllegalStateException(
                                "privacy.audit_log_head has no row: the audit log was tampered with; see docs/privacy/audit-log.md"));
    }

    Optional<Head> head() {
        return jdbc.sql("select seq, hash from privacy.audit_log_head")
                .query((row, i) -> new Head(row.getLong("seq"), row.getBytes("hash")))
                .optional();
    }

    /** Appends the entry and moves the head to it; the caller holds the head lock. */
    void append(AuditRecord entry) {
        jdbc.sql("""
                        insert into privacy.audit_log
                            (seq, at, action, actor, subject, resource, details, previous_hash, hash)
                        values (:seq, :at, :action, :actor, :subject, :resource, cast(:details as jsonb),
                                :previousHash, :hash)
                        """)
                .param("seq", entry.seq())
                .param("at", Timestamps.of(entry.at()))
                .param("action", entry.action())
                .param("actor", entry.actor())
                .param("subject", entry.subject())
                .param("resource", entry.resource())
                .param("details", JSON.writeValueAsString(entry.details()))
                .param("previousHash", entry.previousHash())
                .param("hash", entry.hash())
                .update();
        jdbc.sql("update privacy.audit_log_head set seq = :seq, hash = :hash")
                .param("seq", entry.seq())
                .param("hash", entry.hash())
                .update();
    }

    /** Up to {@code limit} entries after {@code seq}, in order. */
    List<AuditRecord> after(long seq, int limit) {
        return jdbc.sql("""
                        select seq, at, action, actor, subject, resource, details::text as details, previous_hash, hash
                        from privacy.audit_log where seq > :after order by seq limit :limit
                        """)
                .param("after", seq)
                .param("limit", limit)
                .query(AuditEntries::map)
                .list();
    }

    /** The entry whose stored hash is {@code hash}, if any (a full scan: used only for a broken link). */
    Optional<Long> seqWithHash(byte[] hash) {
        return jdbc.sql("select seq from privacy.audit_log where hash = :hash order by seq limit 1")
                .param("hash", hash)
                .query(Long.class)
                .optional();
    }

    private static AuditRecord map(ResultSet row, int index) throws SQLException {
        return new AuditRecord(
                row.getLong("seq"),
                Timestamps.readRequired(row, "at"),
                row.getString("action"),
                row.getString("actor"),
                row.getString("subject"),
                row.getString("resource"),
                JSON.readTree(row.getString("details")),
                row.getBytes("previous_hash"),
                row.getBytes("hash"));
    }
}
