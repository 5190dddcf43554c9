package org.gridvault.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridvault.privacy.AccessGrant;
import org.gridvault.privacy.AuditEntry;
import org.gridvault.privacy.AuditLog;
import org.gridvault.privacy.DecisionRequest;
import org.gridvault.privacy.PrivacyDecisions;
import org.gridvault.privacy.Purpose;
import org.gridvault.privacy.SubjectId;
import org.gridvault.problems.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Installer and fleet organisations and who belongs to them.
 *
 * <p>An organisation is visible only to its members (404 for everyone else). Admins add and remove members; an
 * organisation always keeps at least one admin.
 */
@Service
public class OrganisationDirectory {

    private static final Set<String> MEMBER_DATA = Set.of("contact.email", "contact.name");

    private final Organisations organisations;
    private final Accounts accounts;
    private final PrivacyDecisions decisions;
    private final AuditLog audit;
    private final Clock clock;

    OrganisationDirectory(
            Organisations organisations, Accounts accounts, PrivacyDecisions decisions, AuditLog audit, Clock clock) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.decisions = decisions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates the organisation with its creator as the first admin. */
    @Transactional
    public Organisation create(PersonId creator, String name, OrganisationKind kind) {
        if (name.isBlank() || name.length() > 200) {
            throw ApiProblem.unprocessable(
                            "accounts:organisation.name-invalid", "Name the organisation with 1 to 200 characters.")
                    .with("field", "name");
        }
        var organisation = new Organisation(OrganisationId.random(), name.strip(), kind, clock.instant());
        organisations.insert(organisation);
        organisations.addMember(organisation.id(), creator, OrganisationRole.ADMIN, organisation.createdAt());
        audit.record(AuditEntry.byPerson(creator.subject(), "accounts.organisation.created")
                .about(creator.subject())
                .on("organisation", organisation.id())
                .with("kind", kind.wireName()));
        return organisation;
    }

    /** The organisation, if the viewer belongs to it. */
    public Organisation organisation(PersonId viewer, OrganisationId id) {
        requireMember(viewer, id);
        return organisations.findById(id).orElseThrow(() -> notFound(id));
    }

    /** The organisation whoever asks, for modules that grant rights to organisations (a site owner granting an installer). */
    public Optional<Organisation> find(OrganisationId id) {
        return organisations.findById(id);
    }

    public List<Membership> membershipsOf(PersonId person) {
        return organisations.membershipsOf(person);
    }

    public boolean isMember(PersonId person, OrganisationId organisation) {
        return organisations.roleOf(organisation, person).isPresent();
    }

    /**
     * The members, as another member sees them. Each other member's name and address is a disclosure to the viewer,
     * decided and recorded by the privacy decision point (membership is the grant).
     */
    public List<Member> members(PersonId viewer, OrganisationId id) {
        requireMember(viewer, id);
        var membership = new AccessGrant("organisation", id.toString(), null, id.value());
        return organisations.members(id).stream()
                .filter(member -> decisions
                        .decide(new DecisionRequest(
                                new SubjectId(viewer.value()),
                                new SubjectId(member.personId().value()),
                                Purpose.SERVICE,
                                MEMBER_DATA,
                                "organisation:" + id,
                                membership,
                                null))
                        .allowed())
                .toList();
    }

    @Transactional
    public Member addMember(PersonId admin, OrganisationId id, String email, OrganisationRole role) {
        requireAdmin(admin, id);
        var person = accounts.findByEmail(email)
                .orElseThrow(() -> ApiProblem.unprocessable(
                                "accounts:person.not-found",
                                "No account uses this e-mail address. Ask the person to sign up first.")
                        .with("field", "email"));
        if (!organisations.addMember(id, person.id(), role, clock.instant())) {
            throw ApiProblem.conflict("accounts:member.exists", "This person is already a member of the organisation.");
        }
        audit.record(AuditEntry.byPerson(admin.subject(), "accounts.member.added")
                .about(person.id().subject())
                .on("organisation", id)
                .with("role", role.wireName()));
        return organisations.members(id).stream()
                .filter(member -> member.personId().equals(person.id()))
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    public void removeMember(PersonId admin, OrganisationId id, PersonId member) {
        requireAdmin(admin, id);
        var role = organisations
                .roleOf(id, member)
                .orElseThrow(() -> ApiProblem.notFound("accounts:member.not-found", "That person is not a member."));
        if (role == OrganisationRole.ADMIN && organisations.countAdmins(id) == 1) {
            throw ApiProblem.conflict(
                    "accounts:member.last-admin", "An organisation needs an admin. Make another member admin first.");
        }
        organisations.removeMember(id, member);
        audit.record(AuditEntry.byPerson(admin.subject(), "accounts.member.removed")
                .about(member.subject())
                .on("organisation", id));
    }

    private void requireMember(PersonId person, OrganisationId id) {
        if (organisations.roleOf(id, person).isEmpty()) {
            throw notFound(id);
        }
    }

    private void requireAdmin(PersonId person, OrganisationId id) {
        var role = organisations.roleOf(id, person).orElseThrow(() -> notFound(id));
        if (role != OrganisationRole.ADMIN) {
            throw ApiProblem.forbidden(
                    "accounts:organisation.admin-required",
                    "Only an admin of the organisation can change its members.");
        }
    }

    private static ApiProblem notFound(OrganisationId id) {
        return ApiProblem.notFound("accounts:organisation.not-found", "No organisation " + id + " that you belong to.");
    }
}
