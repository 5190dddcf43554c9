package org.gridvault.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.accounts.Member;
import org.gridvault.accounts.Organisation;
import org.gridvault.accounts.OrganisationDirectory;
import org.gridvault.accounts.OrganisationId;
import org.gridvault.accounts.OrganisationKind;
import org.gridvault.accounts.OrganisationRole;
import org.gridvault.accounts.PersonId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Organisations", description = "Installer and fleet organisations and their members")
@RestController
class OrganisationsController {

    record NewOrganisation(@NotBlank String name, @NotNull OrganisationKind kind) {}

    record NewMember(
            @NotBlank @Email String email, @Nullable OrganisationRole role) {

        /** Surrounding spaces are not part of an address, so they fail no check. */
        NewMember {
            email = email == null ? null : email.strip();
        }
    }

    record OrganisationView(
            UUID id,
            String name,
            OrganisationKind kind,
            Instant createdAt,
            @Nullable OrganisationRole role) {
        static OrganisationView of(Organisation organisation, @Nullable OrganisationRole role) {
            return new OrganisationView(
                    organisation.id().value(),
                    organisation.name(),
                    organisation.kind(),
                    organisation.createdAt(),
                    role);
        }
    }

    record MemberView(UUID personId, String displayName, String email, OrganisationRole role, Instant joinedAt) {
        static MemberView of(Member member) {
            return new MemberView(
                    member.personId().value(), member.displayName(), member.email(), member.role(), member.joinedAt());
        }
    }

    private final OrganisationDirectory directory;

    OrganisationsController(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @Operation(summary = "Create an organisation", description = "You become its first admin.")
    @PostMapping("/api/v1/organisations")
    ResponseEntity<OrganisationView> create(
            @AuthenticationPrincipal AuthenticatedPerson me, @Valid @RequestBody NewOrganisation request) {
        var organisation = directory.create(me.id(), request.name(), request.kind());
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + organisation.id()))
                .body(OrganisationView.of(organisation, OrganisationRole.ADMIN));
    }

    @Operation(summary = "The organisations you belong to, with your role")
    @GetMapping("/api/v1/organisations")
    List<OrganisationView> mine(@AuthenticationPrincipal AuthenticatedPerson me) {
        return directory.membershipsOf(me.id()).stream()
                .map(membership -> OrganisationView.of(membership.organisation(), membership.role()))
                .toList();
    }

    @Operation(summary = "One organisation you belong to")
    @GetMapping("/api/v1/organisations/{organisationId}")
    OrganisationView one(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID organisationId) {
        var id = new OrganisationId(organisationId);
        var organisation = directory.organisation(me.id(), id);
        var role = directory.membershipsOf(me.id()).stream()
                .filter(membership -> membership.organisation().id().equals(id))
                .map(membership -> membership.role())
                .findFirst()
                .orElse(null);
        return OrganisationView.of(organisation, role);
    }

    @Operation(summary = "Members of an organisation you belong to")
    @GetMapping("/api/v1/organisations/{organisationId}/members")
    List<MemberView> members(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID organisationId) {
        return directory.members(me.id(), new OrganisationId(organisationId)).stream()
                .map(MemberView::of)
                .toList();
    }

    @Operation(summary = "Add a person with an account to the organisation (admins only)")
    @PostMapping("/api/v1/organisations/{organisationId}/members")
    ResponseEntity<MemberView> addMember(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @PathVariable UUID organisationId,
            @Valid @RequestBody NewMember request) {
        var member = directory.addMember(
                me.id(),
                new OrganisationId(organisationId),
                request.email(),
                request.role() == null ? OrganisationRole.MEMBER : request.role());
        return ResponseEntity.status(201).body(MemberView.of(member));
    }

    @Operation(summary = "Remove a member (admins only); the last admin cannot be removed")
    @DeleteMapping("/api/v1/organisations/{organisationId}/members/{personId}")
    ResponseEntity<Void> removeMember(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @PathVariable UUID organisationId,
            @PathVariable UUID personId) {
        directory.removeMember(me.id(), new OrganisationId(organisationId), new PersonId(personId));
        return ResponseEntity.noContent().build();
    }
}
