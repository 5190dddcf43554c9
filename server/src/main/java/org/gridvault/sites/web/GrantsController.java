package org.gridvault.sites.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.accounts.OrganisationId;
import org.gridvault.problems.ApiProblem;
import org.gridvault.sites.Grant;
import org.gridvault.sites.GrantStatus;
import org.gridvault.sites.Sharing;
import org.gridvault.sites.SiteId;
import org.gridvault.sites.SiteRole;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Sharing", description = "Who may see a site: installer organisations and invited viewers")
@RestController
class GrantsController {

    /** Either {@code {organisationId, role: "installer", expiresAt?}} or {@code {email, role: "viewer"}}. */
    record NewGrant(
            @Nullable SiteRole role,
            @Nullable UUID organisationId,
            @Nullable String email,
            @Nullable Instant expiresAt) {}

    record GrantView(
            UUID id,
            UUID siteId,
            SiteRole role,
            GrantStatus status,
            @Nullable UUID personId,
            @Nullable UUID organisationId,
            @Nullable String email,
            @Nullable Instant expiresAt,
            Instant createdAt,
            @Nullable Instant acceptedAt,
            @Nullable Instant endedAt) {

        static GrantView of(Grant grant, java.time.Instant now) {
            return new GrantView(
                    grant.id(),
                    grant.siteId().value(),
                    grant.role(),
                    grant.statusAt(now),
                    grant.personId() == null ? null : grant.personId().value(),
                    grant.organisationId() == null
                            ? null
                            : grant.organisationId().value(),
                    grant.inviteeEmail(),
                    grant.expiresAt(),
                    grant.createdAt(),
                    grant.acceptedAt(),
                    grant.endedAt());
        }
    }

    private final Sharing sharing;
    private final java.time.Clock clock;

    GrantsController(Sharing sharing, java.time.Clock clock) {
        this.sharing = sharing;
        this.clock = clock;
    }

    @Operation(
            summary = "Share a site (owner only)",
            description =
                    "Grant an installer organisation ({organisationId, role: installer, expiresAt?}) or invite a viewer by e-mail ({email, role: viewer}); a viewer gets access once they accept.")
    @PostMapping("/api/v1/sites/{siteId}/grants")
    ResponseEntity<GrantView> create(
            @AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID siteId, @RequestBody NewGrant request) {
        var site = new SiteId(siteId);
        var grant = switch (request.role()) {
            case INSTALLER -> {
                if (request.organisationId() == null) {
                    throw missing("organisationId", "Give the installer's organisationId.");
                }
                yield sharing.grantInstaller(
                        me.id(), site, new OrganisationId(request.organisationId()), request.expiresAt());
            }
            case VIEWER -> {
                if (request.email() == null || request.email().isBlank()) {
                    throw missing("email", "Give the e-mail address of the person to invite.");
                }
                yield sharing.inviteViewer(me.id(), site, request.email());
            }
            case OWNER ->
                throw ApiProblem.unprocessable(
                                "sites:grant.role-invalid", "A site has one owner. Grant 'installer' or 'viewer'.")
                        .with("field", "role");
            case null -> throw missing("role", "Give the role to grant: 'installer' or 'viewer'.");
        };
        return ResponseEntity.created(URI.create("/api/v1/sites/" + siteId + "/grants/" + grant.id()))
                .body(GrantView.of(grant, clock.instant()));
    }

    @Operation(summary = "Everyone who has or had access to a site (owner only)")
    @GetMapping("/api/v1/sites/{siteId}/grants")
    List<GrantView> list(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID siteId) {
        return sharing.grantsOf(me.id(), new SiteId(siteId)).stream()
                .map(grant -> GrantView.of(grant, clock.instant()))
                .toList();
    }

    @Operation(summary = "Revoke a grant or a pending invitation (owner only); takes effect immediately")
    @DeleteMapping("/api/v1/sites/{siteId}/grants/{grantId}")
    ResponseEntity<Void> revoke(
            @AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID siteId, @PathVariable UUID grantId) {
        sharing.revoke(me.id(), new SiteId(siteId), grantId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Invitations to view sites, waiting for your answer")
    @GetMapping("/api/v1/me/invitations")
    List<GrantView> invitations(@AuthenticationPrincipal AuthenticatedPerson me) {
        return sharing.invitationsFor(me.id()).stream()
                .map(grant -> GrantView.of(grant, clock.instant()))
                .toList();
    }

    @Operation(summary = "Accept an invitation; the site then appears in GET /api/v1/sites")
    @PostMapping("/api/v1/me/invitations/{grantId}/accept")
    GrantView accept(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID grantId) {
        return GrantView.of(sharing.accept(me.id(), grantId), clock.instant());
    }

    @Operation(summary = "Decline an invitation")
    @PostMapping("/api/v1/me/invitations/{grantId}/decline")
    ResponseEntity<Void> decline(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID grantId) {
        sharing.decline(me.id(), grantId);
        return ResponseEntity.noContent().build();
    }

    private static ApiProblem missing(String field, String message) {
        return ApiProblem.unprocessable("sites:grant." + field + "-missing", message)
                .with("field", field);
    }
}
