package org.gridvault.privacy;

/**
 * A person is to be erased: every module holding personal data erases its part, in a transaction of its own, and
 * reports it with {@link ErasureReports#report} in that same transaction. Published again until every
 * {@link ErasureParticipant} has reported, so listeners must be idempotent (erasing what is already gone is a no-op).
 *
 * @param request the register entry the erasure answers (an erasure or a cancellation request)
 * @param subject the person
 */
public record ErasureRequested(PrivacyRequestId request, SubjectId subject) {}
