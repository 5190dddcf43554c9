package org.gridvault.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A notice to someone who received a person's data that the person has since corrected it (promise P24).
 *
 * @param categories the corrected categories this recipient had received
 * @param resource what was corrected ({@code site:<id>}), or null for the person's own profile
 * @param status {@code pending-delivery} until a notification channel delivers it
 */
public record CorrectionNotice(
        long id,
        SubjectId subject,
        UUID recipientPersonId,
        @Nullable UUID recipientOrganisationId,
        List<String> categories,
        @Nullable String resource,
        Instant correctedAt,
        String status) {}
