package org.gridvault.web;

import java.util.List;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.privacy.Consents;
import org.gridvault.privacy.Disclosure;
import org.gridvault.privacy.DisclosureLedger;
import org.gridvault.privacy.Purpose;
import org.gridvault.privacy.RecipientNames;
import org.gridvault.problems.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The privacy center: consents to switch on and off, and who received the person's data. */
@Controller
class PrivacyPagesController {

    private static final int DISCLOSURES_SHOWN = 100;

    /** A ledger entry with its recipient named (person, and organisation when it came through one). */
    record Recipient(
            Disclosure disclosure, String person, @Nullable String organisation) {}

    private final Consents consents;
    private final DisclosureLedger ledger;
    private final RecipientNames names;

    PrivacyPagesController(Consents consents, DisclosureLedger ledger, RecipientNames names) {
        this.consents = consents;
        this.ledger = ledger;
        this.names = names;
    }

    @GetMapping("/privacy")
    String privacy(@AuthenticationPrincipal AuthenticatedPerson me, Model model) {
        model.addAttribute("consents", consents.of(me.subjectId()));
        model.addAttribute("disclosures", disclosures(me));
        model.addAttribute("disclosureCount", ledger.count(me.subjectId()));
        return "privacy";
    }

    @PostMapping("/privacy/consents/{purpose}")
    String setConsent(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @PathVariable String purpose,
            @RequestParam(required = false) @Nullable String granted,
            Model model) {
        var known = Purpose.byWireName(purpose)
                .orElseThrow(() -> ApiProblem.notFound("privacy:purpose.unknown", "No purpose '" + purpose + "'."));
        model.addAttribute("consent", consents.set(me.subjectId(), known, granted != null, "web"));
        return "privacy :: consent";
    }

    private List<Recipient> disclosures(AuthenticatedPerson me) {
        return ledger.of(me.subjectId(), 0, DISCLOSURES_SHOWN).stream()
                .map(disclosure -> new Recipient(
                        disclosure,
                        names.personName(disclosure.recipientPersonId()).orElse("?"),
                        disclosure.recipientOrganisationId() == null
                                ? null
                                : names.organisationName(disclosure.recipientOrganisationId())
                                        .orElse(null)))
                .toList();
    }
}
