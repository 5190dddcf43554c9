package org.gridvault.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.gridvault.database.Timestamps;
import org.gridvault.problems.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consents to the optional purposes, kept as an append-only ledger: granting and withdrawing each add an entry bound
 * to the notice version in force; the latest entry is the current state, and withdrawal takes effect on the very next
 * decision. Everything optional is off until the person switches it on.
 *
 * <p>When a material notice change is published, consents given under earlier versions keep counting for
 * {@code reconsentGrace}, then stop until the person consents again.
 */
@Service
public class Consents {

    private record Entry(boolean granted, Instant at, String noticeHash) {}

    private final JdbcClient jdbc;
    private final Notices notices;
    private final PrivacyProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    Consents(JdbcClient jdbc, Notices notices, PrivacyProperties properties, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The person's state for every optional purpose. */
    public List<ConsentState> of(SubjectId subject) {
        var published = notices.all();
        return Arrays.stream(Purpose.values())
                .filter(Purpose::needsConsent)
                .map(purpose -> state(subject, purpose, published))
                .toList();
    }

    public ConsentState state(SubjectId subject, Purpose purpose) {
        return state(subject, purpose, notices.all());
    }

    /** Whether processing for an optional purpose is allowed for the person right now. */
    public boolean allows(SubjectId subject, Purpose purpose) {
        return latest(subject, purpose)
                .filter(Entry::granted)
                .filter(entry -> isCurrent(staleFrom(entry, notices.latestMaterial())))
                .isPresent();
    }

    private ConsentState state(SubjectId subject, Purpose purpose, List<NoticeVersion> published) {
        var latest = latest(subject, purpose);
        if (latest.isEmpty()) {
            return new ConsentState(purpose, false, null, null, false, null);
        }
        var entry = latest.get();
        var latestMaterial = published.stream().filter(NoticeVersion::material).findFirst();
        var staleFrom = staleFrom(entry, latestMaterial);
        var version = published.stream()
                .filter(notice -> notice.contentHash().equals(entry.noticeHash()))
                .map(NoticeVersion::version)
                .findFirst()
                .orElse(null);
        return new ConsentState(
                purpose,
                entry.granted(),
                entry.at(),
                version,
                entry.granted() && isCurrent(staleFrom),
                entry.granted() ? staleFrom : null);
    }

    private boolean isCurrent(@Nullable Instant staleFrom) {
        return staleFrom == null || clock.instant().isBefore(staleFrom);
    }

    /** Grants or withdraws consent to an optional purpose, in the audit log too; returns the new state. */
    @Transactional
    public ConsentState set(SubjectId subject, Purpose purpose, boolean granted, String channel) {
        if (!purpose.needsConsent()) {
            throw ApiProblem.unprocessable(
                    "privacy:purpose.not-optional",
                    "'%s' rests on the %s, not on consent; it cannot be switched."
                            .formatted(purpose.wireName(), purpose.basis().wireName()));
        }
        audit.record(AuditEntry.byPerson(subject, granted ? "privacy.consent.granted" : "privacy.consent.withdrawn")
                .about(subject)
                .with("purpose", purpose.wireName())
                .with("channel", channel));
        jdbc.sql("""
                        insert into privacy.consent_ledger (subject_id, purpose, granted, notice_hash, recorded_at, channel)
                        values (:subject, :purpose, :granted, :hash, :at, :channel)
                        """)
                .param("subject", subject.value())
                .param("purpose", purpose.wireName())
                .param("granted", granted)
                .param("hash", HexFormat.of().parseHex(notices.current().contentHash()))
                .param("at", Timestamps.of(clock.instant()))
                .param("channel", channel)
                .update();
        return state(subject, purpose);
    }

    /** When a granted consent stops counting because a material notice came after it; null if it does not. */
    private @Nullable Instant staleFrom(Entry entry, Optional<NoticeVersion> latestMaterial) {
        return latestMaterial
                .filter(material -> !material.contentHash().equals(entry.noticeHash()))
                .filter(material -> material.effectiveAt().isAfter(entry.at()))
                .map(material -> material.effectiveAt().plus(properties.reconsentGrace()))
                .orElse(null);
    }

    private Optional<Entry> latest(SubjectId subject, Purpose purpose) {
        return jdbc.sql("""
                        select granted, recorded_at, notice_hash from privacy.consent_ledger
                        where subject_id = :subject and purpose = :purpose order by id desc limit 1
                        """)
                .param("subject", subject.value())
                .param("purpose", purpose.wireName())
                .query((row, i) -> new Entry(
                        row.getBoolean("granted"),
                        Timestamps.readRequired(row, "recorded_at"),
                        HexFormat.of().formatHex(row.getBytes("notice_hash"))))
                .optional();
    }
}
