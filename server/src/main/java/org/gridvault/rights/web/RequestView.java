package org.gridvault.rights.web;

import java.time.Instant;
import java.util.UUID;
import org.gridvault.privacy.PrivacyRequest;
import org.gridvault.privacy.RequestStatus;
import org.gridvault.privacy.RequestType;
import org.jspecify.annotations.Nullable;

/** A request in the register as the API shows it; {@code subject} (a pseudonym) only in the operator's view. */
record RequestView(
        UUID id,
        RequestType type,
        RequestStatus status,
        @Nullable String subject,
        String jurisdiction,
        @Nullable String detail,
        Instant receivedAt,
        Instant deadline,
        Instant dueBy,
        boolean overdue,
        @Nullable Instant extendedDeadline,
        @Nullable String extensionReason,
        @Nullable String extensionNotice,
        @Nullable Instant effectiveAt,
        @Nullable Instant completedAt) {

    static RequestView forPerson(PrivacyRequest request, Instant now) {
        return of(request, null, now);
    }

    static RequestView forOperator(PrivacyRequest request, Instant now) {
        return of(request, request.subjectRef(), now);
    }

    private static RequestView of(PrivacyRequest request, @Nullable String subject, Instant now) {
        return new RequestView(
                request.id().value(),
                request.type(),
                request.status(),
                subject,
                request.jurisdiction(),
                request.detail(),
                request.receivedAt(),
                request.deadline(),
                request.dueBy(),
                request.overdue(now),
                request.extendedDeadline(),
                request.extensionReason(),
                request.extensionNotice(),
                request.effectiveAt(),
                request.completedAt());
    }
}
