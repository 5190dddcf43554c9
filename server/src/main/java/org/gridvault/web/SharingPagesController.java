package org.gridvault.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.accounts.OrganisationDirectory;
import org.gridvault.accounts.OrganisationId;
import org.gridvault.problems.ApiProblem;
import org.gridvault.sites.Grant;
import org.gridvault.sites.Sharing;
import org.gridvault.sites.SiteDirectory;
import org.gridvault.sites.SiteId;
import org.gridvault.sites.SitePermission;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Who has access to a site, inviting a viewer, granting or revoking an installer organisation (owner only). */
@Controller
class SharingPagesController {

    /** A grant as the owner sees it: who (e-mail of a viewer, name of an organisation) and its status now. */
    record Holder(Grant grant, String who, String status) {}

    private final SiteDirectory sites;
    private final Sharing sharing;
    private final OrganisationDirectory organisations;
    private final Clock clock;

    SharingPagesController(SiteDirectory sites, Sharing sharing, OrganisationDirectory organisations, Clock clock) {
        this.sites = sites;
        this.sharing = sharing;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping("/sites/{siteId}/sharing")
    String sharing(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID siteId, Model model) {
        var accessible = sites.site(me.id(), new SiteId(siteId));
        model.addAttribute("site", accessible.site());
        model.addAttribute("owner", accessible.role().allows(SitePermission.SHARE));
        model.addAttribute("role", accessible.role().wireName());
        if (accessible.role().allows(SitePermission.SHARE)) {
            model.addAttribute("holders", holders(me, siteId));
        }
        return "sharing";
    }

    @PostMapping("/sites/{siteId}/sharing/viewers")
    String inviteViewer(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @PathVariable UUID siteId,
            @RequestParam String email,
            Model model) {
        sharing.inviteViewer(me.id(), new SiteId(siteId), email);
        return holdersFragment(me, siteId, model);
    }

    @PostMapping("/sites/{siteId}/sharing/installers")
    String grantInstaller(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @PathVariable UUID siteId,
            @RequestParam String organisationId,
            @RequestParam(required = false) @Nullable String until,
            Model model) {
        var site = sites.site(me.id(), new SiteId(siteId)).site();
        var expiresAt = until == null || until.isBlank()
                ? null
                : LocalDate.parse(until)
                        .plusDays(1)
                        .atStartOfDay(site.timeZone())
                        .toInstant();
        sharing.grantInstaller(me.id(), site.id(), new OrganisationId(organisationId(organisationId)), expiresAt);
        return holdersFragment(me, siteId, model);
    }

    @PostMapping("/sites/{siteId}/sharing/{grantId}/revoke")
    String revoke(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @PathVariable UUID siteId,
            @PathVariable UUID grantId,
            Model model) {
        sharing.revoke(me.id(), new SiteId(siteId), grantId);
        return holdersFragment(me, siteId, model);
    }

    private String holdersFragment(AuthenticatedPerson me, UUID siteId, Model model) {
        model.addAttribute("site", sites.site(me.id(), new SiteId(siteId)).site());
        model.addAttribute("holders", holders(me, siteId));
        return "sharing :: holders";
    }

    private java.util.List<Holder> holders(AuthenticatedPerson me, UUID siteId) {
        var now = clock.instant();
        return sharing.grantsOf(me.id(), new SiteId(siteId)).stream()
                .map(grant -> new Holder(grant, who(grant), grant.statusAt(now).wireName()))
                .toList();
    }

    private String who(Grant grant) {
        if (grant.organisationId() != null) {
            return organisations
                    .find(grant.organisationId())
                    .map(organisation -> organisation.name())
                    .orElse(grant.organisationId().toString());
        }
        return grant.inviteeEmail() != null ? grant.inviteeEmail() : "";
    }

    private static UUID organisationId(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.unprocessable(
                    "web:organisation-id.invalid",
                    "An organisation id looks like 3f2b8c1e-…; ask your installer for theirs.");
        }
    }
}
