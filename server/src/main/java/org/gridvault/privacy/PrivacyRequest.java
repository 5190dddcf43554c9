package org.gridvault.privacy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One data-subject request as the register keeps it.
 *
 * @param subjectRef the person's pseudonym ({@link Pseudonyms#reference}); the register never shows more
 * @param jurisdiction the jurisdiction profile the deadline comes from ({@code eu}, {@code cn}, {@code sg}, ...)
 * @param detail what the request is about where the type alone does not say (the purpose of an objection)
 * @param deadline when it must be answered, without extension
 * @param extendedDeadline the deadline after an extension, if the operator extended it
 * @param extensionReason why it was extended
 * @param extensionNotice what the person was told about the extension (shown in their list of requests)
 * @param effectiveAt when a scheduled request takes effect (a cancellation after its grace period)
 */
public record PrivacyRequest(
        PrivacyRequestId id,
        RequestType type,
        String subjectRef,
        String jurisdiction,
        @Nullable String detail,
        Instant receivedAt,
        Instant deadline,
        @Nullable Instant extendedDeadline,
        @Nullable String extensionReason,
        @Nullable String extensionNotice,
        @Nullable Instant extendedAt,
        @Nullable Instant effectiveAt,
        RequestStatus status,
        @Nullable Instant completedAt) {

    /** The deadline in force: the extended one if there is one. */
    public Instant dueBy() {
        return extendedDeadline != null ? extendedDeadline : deadline;
    }

    /** Pending past its deadline. */
    public boolean overdue(Instant now) {
        return status.pending() && dueBy().isBefore(now);
    }
}
