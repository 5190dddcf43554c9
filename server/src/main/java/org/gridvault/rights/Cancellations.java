package org.gridvault.rights;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.gridvault.privacy.AuditEntry;
import org.gridvault.privacy.AuditLog;
import org.gridvault.privacy.Erasures;
import org.gridvault.privacy.PrivacyRequest;
import org.gridvault.privacy.PrivacyRequests;
import org.gridvault.privacy.RequestType;
import org.gridvault.privacy.SubjectId;
import org.gridvault.problems.ApiProblem;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Account cancellation (P30): the person asks, is told when it takes effect, may undo it during the grace period
 * ({@code gridvault.rights.cancellation-grace}), and then the account is erased like an erasure request, which ends
 * every grant, session, token and installer authorisation of their sites, and leaves nobody to notify. Due
 * cancellations are carried out by {@link #runDue}, every {@code cancellation-check} and at start-up
 * ({@code CancellationCatchUp}: those that came due while the platform was down), by the injected clock. Thread-safe.
 */
@Service
public class Cancellations {

    private final PrivacyRequests requests;
    private final Erasures erasures;
    private final RightsProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    Cancellations(
            PrivacyRequests requests, Erasures erasures, RightsProperties properties, AuditLog audit, Clock clock) {
        this.requests = requests;
        this.erasures = erasures;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Schedules the person's cancellation (asking again returns the pending one); at once with no grace period. */
    public PrivacyRequest request(SubjectId subject) {
        var pending = requests.pending(subject, RequestType.CANCELLATION);
        if (pending.isPresent()) {
            return pending.get();
        }
        var request = requests.schedule(
                subject,
                RequestType.CANCELLATION,
                clock.instant().truncatedTo(ChronoUnit.MICROS).plus(properties.cancellationGrace()));
        audit.record(AuditEntry.byPerson(subject, "rights.cancellation.requested")
                .about(subject)
                .on("privacy-request", request.id())
                .with("effectiveAt", request.effectiveAt()));
        if (properties.cancellationGrace().isZero()) {
            runDue();
        }
        return requests.find(request.id()).orElseThrow();
    }

    /** Undoes the person's cancellation during its grace period. */
    public PrivacyRequest undo(SubjectId subject) {
        var withdrawn = requests.withdraw(subject, RequestType.CANCELLATION)
                .orElseThrow(() -> ApiProblem.notFound(
                        "rights:cancellation.not-found",
                        "You have no cancellation to undo: either you never asked for one, or it has already taken"
                                + " effect."));
        audit.record(AuditEntry.byPerson(subject, "rights.cancellation.withdrawn")
                .about(subject)
                .on("privacy-request", withdrawn.id()));
        return withdrawn;
    }

    /** Carries out every cancellation whose grace period is over; returns how many. */
    @Scheduled(fixedDelayString = "${gridvault.rights.cancellation-check:1m}")
    public int runDue() {
        var due = requests.due(RequestType.CANCELLATION);
        for (var request : due) {
            requests.subjectOf(request.id()).ifPresent(subject -> erasures.start(request.id(), subject));
        }
        return due.size();
    }
}
