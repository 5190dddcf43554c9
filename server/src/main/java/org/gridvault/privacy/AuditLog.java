package org.gridvault.privacy;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tamper-evident record of sensitive operations (log-ins, password changes, sharing, device registrations,
 * operator actions): every entry is hash-chained to the one before, so the {@link AuditVerifier} detects any entry
 * changed, deleted or moved afterwards. The database cannot prevent such changes (its owner may always write); the
 * chain makes them visible.
 *
 * <pre>{@code
 * var person = caller.id().subject();
 * audit.record(AuditEntry.byPerson(person, "accounts.password.changed").about(person));
 * }</pre>
 *
 * <p>Call it after the operation succeeded, from the service that performed it. {@link #record} joins the caller's
 * transaction when there is one, so the operation and its entry are committed together or not at all; without one
 * it commits on its own. Appends lock the log's head row until their transaction ends, so they are serialized and
 * the chain never forks; callers therefore record last, just before committing. People are stored only as
 * pseudonyms ({@link Pseudonyms#reference}).
 *
 * <p>Actions are named {@code <module>.<thing>.<past-tense verb>}; {@code admin.*} marks operator actions. Reserved
 * for what comes next: {@code privacy.consent.*}, {@code privacy.export.*}, {@code privacy.erasure.*} and
 * {@code privacy.key.*}. The list of recorded actions is in {@code docs/privacy/audit-log.md}. Thread-safe.
 */
@Service
public class AuditLog {

    /** Most entries one {@link #entries} call returns. */
    public static final int MAX_PAGE = 1000;

    private static final JsonMapper JSON = JsonMapper.shared();

    private final AuditEntries entries;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    AuditLog(AuditEntries entries, Pseudonyms pseudonyms, Clock clock) {
        this.entries = entries;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    /** Appends the entry to the chain and returns it as stored. */
    @Transactional
    public AuditRecord record(AuditEntry entry) {
        var head = entries.lockHead();
        var seq = head.seq() + 1;
        // PostgreSQL keeps microseconds: hash exactly what is stored.
        var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var actor = reference(entry.actor());
        var subject = entry.subject() == null ? null : pseudonyms.reference(entry.subject());
        var details = JSON.valueToTree(entry.details());
        var hash = AuditHash.of(seq, at, entry.action(), actor, subject, entry.resource(), details, head.hash());
        var stored =
                new AuditRecord(seq, at, entry.action(), actor, subject, entry.resource(), details, head.hash(), hash);
        entries.append(stored);
        return stored;
    }

    /** Up to {@code limit} entries (at most {@link #MAX_PAGE}) after {@code afterSeq}, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditRecord> entries(long afterSeq, int limit) {
        return entries.after(afterSeq, Math.clamp(limit, 1, MAX_PAGE));
    }

    private String reference(AuditActor actor) {
        return switch (actor) {
            case AuditActor.Person person -> pseudonyms.reference(person.subject());
            case AuditActor.Internal internal -> "system:" + internal.name();
            case AuditActor.Anonymous anonymous -> "anonymous";
        };
    }
}
