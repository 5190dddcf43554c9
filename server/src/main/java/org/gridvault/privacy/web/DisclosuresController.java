package org.gridvault.privacy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gridvault.privacy.DisclosureLedger;
import org.gridvault.privacy.Purpose;
import org.gridvault.privacy.RecipientNames;
import org.gridvault.privacy.SubjectPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Privacy")
@RestController
class DisclosuresController {

    record Recipient(
            UUID personId,
            @Nullable String name,
            @Nullable UUID organisationId,
            @Nullable String organisation) {}

    record Entry(
            long id,
            Instant at,
            Recipient recipient,
            List<String> categories,
            String resource,
            Purpose purpose,
            String basis) {}

    record Page(int page, int size, long total, List<Entry> entries) {}

    private final DisclosureLedger ledger;
    private final RecipientNames names;

    DisclosuresController(DisclosureLedger ledger, RecipientNames names) {
        this.ledger = ledger;
        this.names = names;
    }

    @Operation(
            summary = "Who received your data",
            description =
                    "Every time someone other than you (an installer, a person you share a site with, a member of your organisation) received your data: who, what, which resource, why and on what basis. Newest first.")
    @GetMapping("/api/v1/me/disclosures")
    Page disclosures(
            @AuthenticationPrincipal SubjectPrincipal me,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        var entries = ledger.of(me.subjectId(), page, size).stream()
                .map(disclosure -> new Entry(
                        disclosure.id(),
                        disclosure.disclosedAt(),
                        new Recipient(
                                disclosure.recipientPersonId(),
                                names.personName(disclosure.recipientPersonId()).orElse(null),
                                disclosure.recipientOrganisationId(),
                                disclosure.recipientOrganisationId() == null
                                        ? null
                                        : names.organisationName(disclosure.recipientOrganisationId())
                                                .orElse(null)),
                        disclosure.categories(),
                        disclosure.resource(),
                        disclosure.purpose(),
                        disclosure.basis()))
                .toList();
        return new Page(page, size, ledger.count(me.subjectId()), entries);
    }
}
