package org.gridvault.rights;

import org.gridvault.privacy.AuditEntry;
import org.gridvault.privacy.AuditLog;
import org.gridvault.privacy.PrivacyRequests;
import org.gridvault.privacy.ProcessingFlags;
import org.gridvault.privacy.Purpose;
import org.gridvault.privacy.RequestType;
import org.gridvault.privacy.SubjectId;
import org.gridvault.problems.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's restriction of processing (P26) and objections (P27), set by themselves, taking effect on the very next
 * decision ({@code PrivacyDecisions} honours the flags before anything else, consent included, so an objection to
 * marketing holds even if consent is given later) and recorded as requests in the register.
 */
@Service
public class ProcessingChoices {

    private final ProcessingFlags flags;
    private final PrivacyRequests requests;
    private final AuditLog audit;

    ProcessingChoices(ProcessingFlags flags, PrivacyRequests requests, AuditLog audit) {
        this.flags = flags;
        this.requests = requests;
        this.audit = audit;
    }

    public ProcessingFlags.Flags of(SubjectId subject) {
        return flags.of(subject);
    }

    /** Restricts processing (or lifts the restriction). */
    @Transactional
    public ProcessingFlags.Flags restrict(SubjectId subject, boolean restricted) {
        flags.restrict(subject, restricted);
        var request = requests.recordCompleted(subject, RequestType.RESTRICTION, restricted ? "restricted" : "lifted");
        audit.record(AuditEntry.byPerson(subject, restricted ? "rights.restriction.set" : "rights.restriction.lifted")
                .about(subject)
                .on("privacy-request", request.id()));
        return flags.of(subject);
    }

    /**
     * Objects to a purpose (or withdraws the objection). Only optional purposes can be objected to: the service,
     * storage and legal claims rest on the contract or the law (cancel the account or restrict processing instead).
     */
    @Transactional
    public ProcessingFlags.Flags object(SubjectId subject, String purposeName, boolean objecting) {
        var purpose = Purpose.byWireName(purposeName)
                .orElseThrow(() -> ApiProblem.notFound(
                        "rights:purpose.not-found",
                        "There is no purpose '%s'. The purposes are listed in GET /api/v1/privacy/notice."
                                .formatted(purposeName)));
        if (!purpose.needsConsent()) {
            throw ApiProblem.unprocessable(
                    "rights:objection.not-applicable",
                    ("'%s' rests on the %s and cannot be objected to. To stop it, restrict processing (PUT"
                                    + " /api/v1/me/restriction) or cancel your account.")
                            .formatted(purpose.wireName(), purpose.basis().wireName()));
        }
        flags.object(subject, purpose, objecting);
        var request = requests.recordCompleted(
                subject, RequestType.OBJECTION, purpose.wireName() + (objecting ? "" : " (withdrawn)"));
        audit.record(AuditEntry.byPerson(subject, objecting ? "rights.objection.set" : "rights.objection.withdrawn")
                .about(subject)
                .on("privacy-request", request.id())
                .with("purpose", purpose.wireName()));
        return flags.of(subject);
    }
}
