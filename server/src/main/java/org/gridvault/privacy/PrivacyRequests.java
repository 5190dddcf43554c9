package org.gridvault.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gridvault.database.Timestamps;
import org.gridvault.problems.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of data-subject requests (P32): every request with its type, received time, deadline from the
 * person's jurisdiction profile, extension, status and completion time. Whoever handles a kind of request records it
 * here and completes it when done:
 *
 * <pre>{@code
 * var request = requests.record(person, RequestType.ACCESS, null);
 * ... produce the export ...
 * requests.complete(request.id());
 * }</pre>
 *
 * <p>A person's jurisdiction is the home region this node serves ({@code gridvault.privacy.region}), because a node
 * processes only its region's data; without one (or without a profile for it) it is
 * {@code gridvault.privacy.requests.default-jurisdiction}. Deadlines are calendar arithmetic in UTC: one month after
 * 31 January is the end of February (28 or 29 days). Thread-safe.
 */
@Service
public class PrivacyRequests {

    /** Which pending requests the operator wants to see. */
    public enum Filter {
        ALL,
        PENDING,
        OVERDUE,
        DUE_SOON
    }

    private final JdbcClient jdbc;
    private final RequestProperties properties;
    private final PrivacyProperties privacy;
    private final Pseudonyms pseudonyms;
    private final AuditLog audit;
    private final Clock clock;

    PrivacyRequests(
            JdbcClient jdbc,
            RequestProperties properties,
            PrivacyProperties privacy,
            Pseudonyms pseudonyms,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.privacy = privacy;
        this.pseudonyms = pseudonyms;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers a request received now, open until {@link #complete}. */
    @Transactional
    public PrivacyRequest record(SubjectId subject, RequestType type, @Nullable String detail) {
        return insert(subject, type, detail, RequestStatus.OPEN, null);
    }

    /** Registers a request that was carried out at once (a restriction or objection takes effect immediately). */
    @Transactional
    public PrivacyRequest recordCompleted(SubjectId subject, RequestType type, @Nullable String detail) {
        var request = insert(subject, type, detail, RequestStatus.OPEN, null);
        return complete(request.id());
    }

    /** Registers a request that takes effect at {@code effectiveAt} unless the person withdraws it before. */
    @Transactional
    public PrivacyRequest schedule(SubjectId subject, RequestType type, Instant effectiveAt) {
        return insert(subject, type, null, RequestStatus.SCHEDULED, effectiveAt);
    }

    /** Marks a pending request as being handled now (a scheduled request whose time has come). */
    @Transactional
    public void open(PrivacyRequestId id) {
        jdbc.sql("update privacy.requests set status = 'open' where id = :id and status = 'scheduled'")
                .param("id", id.value())
                .update();
    }

    /** Marks the request answered; completing it twice keeps the first completion time. */
    @Transactional
    public PrivacyRequest complete(PrivacyRequestId id) {
        jdbc.sql("""
                        update privacy.requests set status = 'completed', completed_at = :now
                        where id = :id and status in ('scheduled', 'open')
                        """)
                .param("id", id.value())
                .param("now", Timestamps.of(clock.instant()))
                .update();
        return find(id).orElseThrow();
    }

    /** The person takes back a pending request of theirs; empty when they have none of this type. */
    @Transactional
    public Optional<PrivacyRequest> withdraw(SubjectId subject, RequestType type) {
        var pending = jdbc.sql("""
                        select id from privacy.requests
                        where subject_id = :subject and type = :type and status = 'scheduled'
                        order by received_at desc limit 1 for update
                        """)
                .param("subject", subject.value())
                .param("type", type.wireName())
                .query(UUID.class)
                .optional();
        pending.ifPresent(
                id -> jdbc.sql("update privacy.requests set status = 'withdrawn', completed_at = :now where id = :id")
                        .param("id", id)
                        .param("now", Timestamps.of(clock.instant()))
                        .update());
        return pending.map(id -> find(new PrivacyRequestId(id)).orElseThrow());
    }

    /**
     * Extends the deadline of a pending request by its jurisdiction's extension, once, for a reason; records the
     * notice the person is given (it appears in their list of requests).
     */
    @Transactional
    public PrivacyRequest extend(PrivacyRequestId id, String reason, SubjectId operator) {
        var request = find(id).orElseThrow(() -> notFound(id));
        if (!request.status().pending()) {
            throw ApiProblem.conflict(
                    "privacy:request.not-pending",
                    "Request %s is %s; only pending requests can be extended."
                            .formatted(id, request.status().wireName()));
        }
        if (request.extendedDeadline() != null) {
            throw ApiProblem.conflict(
                    "privacy:request.already-extended",
                    "Request %s was already extended to %s; a deadline can be extended once."
                            .formatted(id, request.extendedDeadline()));
        }
        var extension = profile(request.jurisdiction()).extension();
        if (extension == null || extension.isZero()) {
            throw ApiProblem.unprocessable(
                    "privacy:request.extension-not-allowed",
                    "The %s profile allows no extension: answer request %s by %s."
                            .formatted(request.jurisdiction(), id, request.deadline()));
        }
        var extended = plus(request.deadline(), extension);
        var notice = ("We need more time to answer your %s request of %s: we will answer by %s instead of %s."
                        + " Reason: %s")
                .formatted(
                        request.type().wireName(), request.receivedAt(), extended, request.deadline(), reason.strip());
        jdbc.sql("""
                        update privacy.requests set extended_deadline = :extended, extension_reason = :reason,
                            extension_notice = :notice, extended_at = :now
                        where id = :id
                        """)
                .param("id", id.value())
                .param("extended", Timestamps.of(extended))
                .param("reason", reason.strip())
                .param("notice", notice)
                .param("now", Timestamps.of(clock.instant()))
                .update();
        audit.record(AuditEntry.byPerson(operator, "admin.privacy-request.extended")
                .on("privacy-request", id)
                .with("type", request.type().wireName())
                .with("until", extended));
        return find(id).orElseThrow();
    }

    public Optional<PrivacyRequest> find(PrivacyRequestId id) {
        return jdbc.sql("select * from privacy.requests where id = :id")
                .param("id", id.value())
                .query(PrivacyRequests::map)
                .optional();
    }

    /** The person's own requests, newest first. */
    public List<PrivacyRequest> of(SubjectId subject) {
        return jdbc.sql("select * from privacy.requests where subject_id = :subject order by received_at desc, id")
                .param("subject", subject.value())
                .query(PrivacyRequests::map)
                .list();
    }

    /** The person's pending request of a type, if any. */
    public Optional<PrivacyRequest> pending(SubjectId subject, RequestType type) {
        return of(subject).stream()
                .filter(request -> request.type() == type && request.status().pending())
                .findFirst();
    }

    /** Every request (for the operator), by deadline in force, earliest first. */
    public List<PrivacyRequest> all(Filter filter) {
        var now = clock.instant();
        var condition = switch (filter) {
            case ALL -> "true";
            case PENDING -> "status in ('scheduled', 'open')";
            case OVERDUE -> "status in ('scheduled', 'open') and coalesce(extended_deadline, deadline) < :now";
            case DUE_SOON ->
                "status in ('scheduled', 'open') and coalesce(extended_deadline, deadline) between :now and :soon";
        };
        return jdbc.sql("select * from privacy.requests where " + condition
                        + " order by coalesce(extended_deadline, deadline), received_at, id")
                .paramSource(new MapSqlParameterSource()
                        .addValue("now", Timestamps.of(now))
                        .addValue("soon", Timestamps.of(now.plus(properties.dueSoon()))))
                .query(PrivacyRequests::map)
                .list();
    }

    /** Scheduled requests of a type whose time has come. */
    public List<PrivacyRequest> due(RequestType type) {
        return jdbc.sql("""
                        select * from privacy.requests
                        where type = :type and status = 'scheduled' and effective_at <= :now
                        order by effective_at
                        """)
                .param("type", type.wireName())
                .param("now", Timestamps.of(clock.instant()))
                .query(PrivacyRequests::map)
                .list();
    }

    /** The subject of a request, while the person has not been erased. */
    public Optional<SubjectId> subjectOf(PrivacyRequestId id) {
        return jdbc.sql("select subject_id from privacy.requests where id = :id")
                .param("id", id.value())
                .query((row, i) -> row.getObject("subject_id", UUID.class))
                .optional()
                .map(SubjectId::new);
    }

    /** The jurisdiction profile that applies to people served by this node. */
    public String jurisdiction() {
        var region = privacy.region();
        return region != null && properties.jurisdictions().containsKey(region)
                ? region
                : properties.defaultJurisdiction();
    }

    /** Completes the person's pending requests of a type (a scheduled cancellation, answered by their erasure). */
    void completePending(SubjectId subject, RequestType type) {
        jdbc.sql("""
                        update privacy.requests set status = 'completed', completed_at = :now
                        where subject_id = :subject and type = :type and status in ('scheduled', 'open')
                        """)
                .param("subject", subject.value())
                .param("type", type.wireName())
                .param("now", Timestamps.of(clock.instant()))
                .update();
    }

    /** Removes the person from the register, keeping their pseudonym: part of their erasure. */
    void forget(SubjectId subject) {
        jdbc.sql("update privacy.requests set subject_id = null where subject_id = :subject")
                .param("subject", subject.value())
                .update();
    }

    private PrivacyRequest insert(
            SubjectId subject,
            RequestType type,
            @Nullable String detail,
            RequestStatus status,
            @Nullable Instant effectiveAt) {
        var id = new PrivacyRequestId(UUID.randomUUID());
        // PostgreSQL keeps microseconds: compute the deadline from what is stored.
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var jurisdiction = jurisdiction();
        jdbc.sql("""
                        insert into privacy.requests (id, type, subject_id, subject_ref, jurisdiction, detail,
                            received_at, deadline, effective_at, status)
                        values (:id, :type, :subject, :ref, :jurisdiction, :detail, :now, :deadline, :effective, :status)
                        """)
                .param("id", id.value())
                .param("type", type.wireName())
                .param("subject", subject.value())
                .param("ref", pseudonyms.reference(subject))
                .param("jurisdiction", jurisdiction)
                .param("detail", detail)
                .param("now", Timestamps.of(now))
                .param("deadline", Timestamps.of(plus(now, profile(jurisdiction).deadline())))
                .param("effective", Timestamps.of(effectiveAt))
                .param("status", status.wireName())
                .update();
        audit.record(AuditEntry.byPerson(subject, "privacy.request.received")
                .about(subject)
                .on("privacy-request", id)
                .with("type", type.wireName()));
        return find(id).orElseThrow();
    }

    private RequestProperties.Jurisdiction profile(String jurisdiction) {
        var profile = properties.jurisdictions().get(jurisdiction);
        if (profile == null) {
            throw new IllegalStateException(
                    "No jurisdiction profile '" + jurisdiction + "' in gridvault.privacy.requests.jurisdictions");
        }
        return profile;
    }

    /** Calendar arithmetic in UTC: months end where the month ends (31 January + 1 month = 28/29 February). */
    static Instant plus(Instant instant, Period period) {
        return instant.atZone(ZoneOffset.UTC).plus(period).toInstant();
    }

    private static ApiProblem notFound(PrivacyRequestId id) {
        return ApiProblem.notFound(
                "privacy:request.not-found",
                "No privacy request " + id + ". List them with GET /api/v1/admin/privacy-requests.");
    }

    private static PrivacyRequest map(ResultSet row, int index) throws SQLException {
        return new PrivacyRequest(
                new PrivacyRequestId(row.getObject("id", UUID.class)),
                RequestType.byWireName(row.getString("type")).orElseThrow(),
                row.getString("subject_ref"),
                row.getString("jurisdiction"),
                row.getString("detail"),
                Timestamps.readRequired(row, "received_at"),
                Timestamps.readRequired(row, "deadline"),
                Timestamps.read(row, "extended_deadline"),
                row.getString("extension_reason"),
                row.getString("extension_notice"),
                Timestamps.read(row, "extended_at"),
                Timestamps.read(row, "effective_at"),
                RequestStatus.byWireName(row.getString("status")),
                Timestamps.read(row, "completed_at"));
    }
}
