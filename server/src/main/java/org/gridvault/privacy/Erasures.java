package org.gridvault.privacy;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gridvault.database.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases people (P25): records the request, writes the person's pseudonym to the {@link ErasureLedger}, publishes
 * {@link ErasureRequested} so every module holding personal data erases its part and reports it
 * ({@link ErasureReports}), and once every {@link ErasureParticipant} has reported erases privacy's own records and
 * destroys the person's key, last. A module that fails leaves the erasure open; {@link #retryOpen} (scheduled every
 * {@code gridvault.privacy.requests.erasure-retry}, and at start-up) publishes the event again until all have
 * reported. See {@code docs/privacy/erasure.md}.
 *
 * <pre>{@code
 * var request = erasures.request(person); // completed when every module has reported
 * }</pre>
 *
 * <p>Thread-safe; publishing again for the same erasure is harmless, as every step is idempotent.
 */
@Service
public class Erasures {

    /** Recipients of disclosures who were erased are kept as this id: the other person's record stays whole. */
    static final UUID ERASED_PERSON = new UUID(0, 0);

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);

    private final JdbcClient jdbc;
    private final PrivacyRequests requests;
    private final ErasureReports reports;
    private final PersonKeys keys;
    private final Pseudonyms pseudonyms;
    private final ErasureLedger ledger;
    private final AuditLog audit;
    private final List<ErasureParticipant> participants;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Erasures(
            JdbcClient jdbc,
            PrivacyRequests requests,
            ErasureReports reports,
            PersonKeys keys,
            Pseudonyms pseudonyms,
            ErasureLedger ledger,
            AuditLog audit,
            List<ErasureParticipant> participants,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.reports = reports;
        this.keys = keys;
        this.pseudonyms = pseudonyms;
        this.ledger = ledger;
        this.audit = audit;
        this.participants = participants;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Registers the person's erasure request and carries it out as far as the modules allow right now. */
    public PrivacyRequest request(SubjectId subject) {
        var request = requests.record(subject, RequestType.ERASURE, null);
        start(request.id(), subject);
        return requests.find(request.id()).orElseThrow();
    }

    /**
     * Erases the person to answer a registered request (an erasure, or a cancellation whose time has come). Returns
     * once every module was asked; the erasure is complete only when all have reported ({@link #of}).
     */
    public void start(PrivacyRequestId request, SubjectId subject) {
        var reference = pseudonyms.reference(subject);
        // First, outside the database: even if everything after this fails, a restore cannot bring the person back.
        ledger.append(reference, clock.instant());
        transactions.executeWithoutResult(status -> {
            requests.open(request);
            var inserted = jdbc.sql("""
                            insert into privacy.erasures (request_id, subject_id, subject_ref, started_at)
                            values (:request, :subject, :ref, :now) on conflict do nothing
                            """)
                    .param("request", request.value())
                    .param("subject", subject.value())
                    .param("ref", reference)
                    .param("now", Timestamps.of(clock.instant()))
                    .update();
            if (inserted > 0) {
                audit.record(AuditEntry.bySystem("erasure", "privacy.erasure.started")
                        .about(subject)
                        .on("privacy-request", request));
            }
        });
        dispatch(request, subject);
    }

    /** The progress of an erasure. */
    public Optional<Erasure> of(PrivacyRequestId request) {
        return jdbc.sql("select started_at, completed_at from privacy.erasures where request_id = :request")
                .param("request", request.value())
                .query((row, i) -> new Erasure(
                        request,
                        parts(),
                        reports.reported(request),
                        Timestamps.readRequired(row, "started_at"),
                        Timestamps.read(row, "completed_at")))
                .optional();
    }

    /** Asks the modules again for every erasure that is not complete; returns how many were retried. */
    @Scheduled(
            initialDelayString = "${gridvault.privacy.requests.erasure-retry:5m}",
            fixedDelayString = "${gridvault.privacy.requests.erasure-retry:5m}")
    public int retryOpen() {
        var open = jdbc.sql("""
                        select request_id, subject_id from privacy.erasures
                        where completed_at is null and subject_id is not null order by started_at
                        """)
                .query((row, i) -> new ErasureRequested(
                        new PrivacyRequestId(row.getObject("request_id", UUID.class)),
                        new SubjectId(row.getObject("subject_id", UUID.class))))
                .list();
        open.forEach(erasure -> dispatch(erasure.request(), erasure.subject()));
        return open.size();
    }

    /**
     * Erases again everyone in the erasure ledger who is in the database (after a restore of an older backup), then
     * retries open erasures. Returns how many people were found again.
     */
    int replay() {
        if (ledger.isEmpty()) {
            // Nobody was ever erased here: no need to compute everyone's pseudonym at start-up.
            retryOpen();
            return 0;
        }
        var subjects = jdbc.sql("select subject_id from privacy.person_keys")
                .query((row, i) -> new SubjectId(row.getObject("subject_id", UUID.class)))
                .list();
        var found = 0;
        for (var subject : subjects) {
            if (!ledger.contains(pseudonyms.reference(subject))) {
                continue;
            }
            found++;
            var open = jdbc.sql("""
                            select request_id from privacy.erasures
                            where subject_id = :subject and completed_at is null limit 1
                            """)
                    .param("subject", subject.value())
                    .query(UUID.class)
                    .optional();
            if (open.isEmpty()) {
                log.warn("A person in the erasure ledger is in the database (restored from a backup?): erasing again");
                var request = requests.record(subject, RequestType.ERASURE, "replayed from the erasure ledger");
                start(request.id(), subject);
            }
        }
        retryOpen();
        return found;
    }

    private void dispatch(PrivacyRequestId request, SubjectId subject) {
        try {
            events.publishEvent(new ErasureRequested(request, subject));
        } catch (RuntimeException e) {
            log.warn("Erasure {} is not complete: a module failed to erase its part; it will be retried", request, e);
        }
        finishIfComplete(request, subject);
    }

    private void finishIfComplete(PrivacyRequestId request, SubjectId subject) {
        var missing = new TreeSet<>(parts());
        missing.removeAll(reports.reported(request));
        if (!missing.isEmpty()) {
            log.info("Erasure {} waits for {}", request, missing);
            return;
        }
        transactions.executeWithoutResult(status -> {
            var updated = jdbc.sql("""
                            update privacy.erasures set completed_at = :now, subject_id = null
                            where request_id = :request and completed_at is null
                            """)
                    .param("request", request.value())
                    .param("now", Timestamps.of(clock.instant()))
                    .update();
            if (updated == 0) {
                return;
            }
            eraseOwnRecords(subject);
            requests.complete(request);
            // A cancellation still in its grace period is answered by this erasure too.
            requests.completePending(subject, RequestType.CANCELLATION);
            requests.forget(subject);
            keys.destroy(subject);
            audit.record(AuditEntry.bySystem("erasure", "privacy.erasure.completed")
                    .about(subject)
                    .on("privacy-request", request)
                    .with("parts", String.join(",", parts())));
        });
    }

    private void eraseOwnRecords(SubjectId subject) {
        for (var table : List.of("consent_ledger", "notice_acceptances", "processing_flags")) {
            jdbc.sql("delete from privacy." + table + " where subject_id = :subject")
                    .param("subject", subject.value())
                    .update();
        }
        jdbc.sql("delete from privacy.disclosures where subject_id = :subject")
                .param("subject", subject.value())
                .update();
        jdbc.sql("update privacy.disclosures set recipient_person_id = :erased where recipient_person_id = :subject")
                .param("subject", subject.value())
                .param("erased", ERASED_PERSON)
                .update();
        jdbc.sql("delete from privacy.correction_notices where subject_id = :subject")
                .param("subject", subject.value())
                .update();
        jdbc.sql("""
                        update privacy.correction_notices set recipient_person_id = :erased
                        where recipient_person_id = :subject
                        """)
                .param("subject", subject.value())
                .param("erased", ERASED_PERSON)
                .update();
    }

    private Set<String> parts() {
        return participants.stream().map(ErasureParticipant::part).collect(Collectors.toCollection(TreeSet::new));
    }
}
