package org.gridvault.sites.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.accounts.OrganisationId;
import org.gridvault.sites.SiteDetails;
import org.gridvault.sites.SiteDirectory;
import org.gridvault.sites.SiteId;
import org.gridvault.sites.SiteRole;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Sites", description = "Homes and businesses with energy devices")
@RestController
class SitesController {

    private final SiteDirectory directory;

    SitesController(SiteDirectory directory) {
        this.directory = directory;
    }

    @Operation(
            summary = "Create a site",
            description =
                    "You become its owner. timeZone is an IANA name (Europe/Berlin); region one of the configured home regions.")
    @PostMapping("/api/v1/sites")
    ResponseEntity<SiteView> create(@AuthenticationPrincipal AuthenticatedPerson me, @RequestBody SiteDetails details) {
        var site = directory.create(me.id(), details);
        return ResponseEntity.created(URI.create("/api/v1/sites/" + site.id())).body(SiteView.of(site, SiteRole.OWNER));
    }

    @Operation(summary = "The sites you can see (owned, shared with you, or granted to your installer organisations)")
    @GetMapping("/api/v1/sites")
    List<SiteView> list(@AuthenticationPrincipal AuthenticatedPerson me) {
        return directory.sitesOf(me.id()).stream().map(SiteView::of).toList();
    }

    @Operation(summary = "One site you can see")
    @GetMapping("/api/v1/sites/{siteId}")
    SiteView one(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID siteId) {
        return SiteView.of(directory.site(me.id(), new SiteId(siteId)));
    }

    @Operation(summary = "Change a site (owner only); absent fields stay as they are")
    @PatchMapping("/api/v1/sites/{siteId}")
    SiteView update(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @PathVariable UUID siteId,
            @RequestBody SiteDetails change) {
        return SiteView.of(directory.update(me.id(), new SiteId(siteId), change), SiteRole.OWNER);
    }

    @Operation(summary = "Every site granted to an installer organisation you belong to")
    @GetMapping("/api/v1/organisations/{organisationId}/sites")
    List<SiteView> ofOrganisation(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID organisationId) {
        return directory.sitesOfOrganisation(me.id(), new OrganisationId(organisationId)).stream()
                .map(site -> SiteView.of(site, SiteRole.INSTALLER))
                .toList();
    }
}
