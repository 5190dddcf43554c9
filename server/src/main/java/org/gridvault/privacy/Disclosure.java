package org.gridvault.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One entry of the disclosure ledger: a person's data went to someone else. */
public record Disclosure(
        long id,
        Instant disclosedAt,
        SubjectId subject,
        UUID recipientPersonId,
        @Nullable UUID recipientOrganisationId,
        List<String> categories,
        String resource,
        Purpose purpose,
        String basis) {}
