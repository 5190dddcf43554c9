package org.gridvault.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.privacy.Consents;
import org.gridvault.privacy.Disclosure;
import org.gridvault.privacy.DisclosureLedger;
import org.gridvault.privacy.PrivacyRequests;
import org.gridvault.privacy.Purpose;
import org.gridvault.privacy.RecipientNames;
import org.gridvault.privacy.RequestType;
import org.gridvault.problems.ApiProblem;
import org.gridvault.sites.SiteDirectory;
import org.gridvault.sites.SiteRole;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The privacy center: consents to switch on and off, who received the person's data, and downloads of it (all of it
 * as JSON, each own site's energy as Green Button, both served by the export endpoint). The latest ledger entries
 * are shown grouped (same recipient, same resource, same basis), newest group first, with how often and when last:
 * an installer looking at a site for a few minutes makes dozens of entries, which read better as one line.
 */
@Controller
class PrivacyPagesController {

    private static final int DISCLOSURES_READ = 500;

    /**
     * Disclosures of one resource to one recipient on one basis.
     *
     * @param resource what was disclosed, by name where the person can name it (their site), else its reference
     * @param basisKind the kind of basis ({@code grant:installer}, {@code consent}, …), without the grant's id
     */
    record Recipient(
            String person,
            @Nullable String organisation,
            String resource,
            List<String> categories,
            String basisKind,
            long count,
            Instant last) {}

    /** A Green Button download of one site's last twelve months, hourly, as the export endpoint serves it. */
    record SiteExport(String site, String url) {}

    private final Consents consents;
    private final DisclosureLedger ledger;
    private final RecipientNames names;
    private final SiteDirectory sites;
    private final PrivacyRequests requests;
    private final Clock clock;

    PrivacyPagesController(
            Consents consents,
            DisclosureLedger ledger,
            RecipientNames names,
            SiteDirectory sites,
            PrivacyRequests requests,
            Clock clock) {
        this.consents = consents;
        this.ledger = ledger;
        this.names = names;
        this.sites = sites;
        this.requests = requests;
        this.clock = clock;
    }

    @GetMapping("/privacy")
    String privacy(@AuthenticationPrincipal AuthenticatedPerson me, Model model) {
        model.addAttribute("consents", consents.of(me.subjectId()));
        model.addAttribute("disclosures", disclosures(me));
        model.addAttribute("disclosureCount", ledger.count(me.subjectId()));
        model.addAttribute("greenButton", greenButtonExports(me));
        model.addAttribute(
                "cancellation",
                requests.pending(me.subjectId(), RequestType.CANCELLATION).orElse(null));
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

    private List<SiteExport> greenButtonExports(AuthenticatedPerson me) {
        return sites.sitesOf(me.id()).stream()
                .filter(accessible -> accessible.role() == SiteRole.OWNER)
                .map(accessible -> {
                    var site = accessible.site();
                    var today = LocalDate.ofInstant(clock.instant(), site.timeZone());
                    return new SiteExport(
                            site.name(),
                            "/api/v1/me/export?format=greenbutton&siteId=%s&from=%s&to=%s&interval=PT1H"
                                    .formatted(site.id(), today.minusYears(1), today.plusDays(1)));
                })
                .toList();
    }

    private List<Recipient> disclosures(AuthenticatedPerson me) {
        var siteNames = sites.sitesOf(me.id()).stream()
                .collect(Collectors.toMap(
                        accessible -> "site:" + accessible.site().id(),
                        accessible -> accessible.site().name(),
                        (a, b) -> a));
        var groups = new LinkedHashMap<List<Object>, List<Disclosure>>();
        for (var disclosure : ledger.of(me.subjectId(), 0, DISCLOSURES_READ)) {
            var key = new ArrayList<Object>();
            key.add(disclosure.recipientPersonId());
            key.add(String.valueOf(disclosure.recipientOrganisationId()));
            key.add(disclosure.resource());
            key.add(disclosure.basis());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(disclosure);
        }
        return groups.values().stream()
                .map(entries -> recipient(entries, siteNames))
                .toList();
    }

    private Recipient recipient(List<Disclosure> entries, Map<String, String> siteNames) {
        var newest = entries.getFirst();
        UUID organisation = newest.recipientOrganisationId();
        return new Recipient(
                names.personName(newest.recipientPersonId()).orElse("?"),
                organisation == null
                        ? null
                        : names.organisationName(organisation).orElse(null),
                siteNames.getOrDefault(newest.resource(), newest.resource()),
                newest.categories(),
                basisKind(newest.basis()),
                entries.size(),
                newest.disclosedAt());
    }

    private static String basisKind(String basis) {
        var parts = basis.split(":");
        return parts.length >= 2 ? parts[0] + ":" + parts[1] : basis;
    }
}
