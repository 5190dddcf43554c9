package org.gridvault.sites;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.gridvault.accounts.Accounts;
import org.gridvault.accounts.OrganisationDirectory;
import org.gridvault.accounts.OrganisationId;
import org.gridvault.accounts.OrganisationKind;
import org.gridvault.accounts.PersonId;
import org.gridvault.privacy.AuditEntry;
import org.gridvault.privacy.AuditLog;
import org.gridvault.problems.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an owner shares a site: installer organisations are granted directly (optionally until a date); viewers are
 * invited by e-mail and get access only once they accept. The owner sees every grant and revokes any of them; a
 * revocation takes effect on the next request.
 */
@Service
public class Sharing {

    /** Later expiries cannot be stored (and mean "never" anyway). */
    private static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

    private final Grants grants;
    private final SiteAccess access;
    private final OrganisationDirectory organisations;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    Sharing(
            Grants grants,
            SiteAccess access,
            OrganisationDirectory organisations,
            Accounts accounts,
            ApplicationEventPublisher events,
            AuditLog audit,
            Clock clock) {
        this.grants = grants;
        this.access = access;
        this.organisations = organisations;
        this.accounts = accounts;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Grant grantInstaller(
            PersonId owner, SiteId site, OrganisationId organisationId, @Nullable Instant expiresAt) {
        access.require(owner, site, SitePermission.SHARE);
        var now = clock.instant();
        var organisation = organisations
                .find(organisationId)
                .orElseThrow(() -> ApiProblem.unprocessable(
                                "sites:organisation.not-found",
                                "No organisation " + organisationId + ". Ask your installer for their organisation id.")
                        .with("field", "organisationId"));
        if (organisation.kind() != OrganisationKind.INSTALLER) {
            throw ApiProblem.unprocessable(
                            "sites:organisation.not-installer",
                            "Organisation %s is a %s organisation; only installer organisations can be granted the installer role."
                                    .formatted(
                                            organisation.name(),
                                            organisation.kind().wireName()))
                    .with("field", "organisationId");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ApiProblem.unprocessable(
                            "sites:grant.expiry-past", "Set expiresAt in the future, or leave it out for no expiry.")
                    .with("field", "expiresAt");
        }
        if (expiresAt != null && expiresAt.isAfter(LATEST_EXPIRY)) {
            throw ApiProblem.unprocessable(
                            "sites:grant.expiry-too-late",
                            "Set expiresAt before the year 10000, or leave it out for no expiry.")
                    .with("field", "expiresAt");
        }
        grants.expire(site, organisationId, now);
        var grant = new Grant(
                UUID.randomUUID(),
                site,
                SiteRole.INSTALLER,
                GrantStatus.ACTIVE,
                null,
                organisationId,
                null,
                expiresAt,
                now,
                now,
                null);
        if (!grants.insert(grant, owner)) {
            throw ApiProblem.conflict(
                    "sites:grant.exists",
                    "This organisation already has access to the site. Revoke that grant first to change its expiry.");
        }
        events.publishEvent(new SiteShared(site, grant.id(), SiteRole.INSTALLER, now));
        audit.record(sharingEntry(owner, "sites.grant.created", grant).with("organisation", organisationId));
        return grant;
    }

    @Transactional
    public Grant inviteViewer(PersonId owner, SiteId site, String email) {
        access.require(owner, site, SitePermission.SHARE);
        var invitee = email.strip().toLowerCase(Locale.ROOT);
        if (!invitee.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ApiProblem.unprocessable("sites:email.invalid", "Give the e-mail address of the person to invite.")
                    .with("field", "email");
        }
        if (accounts.person(owner).email().equals(invitee)) {
            throw ApiProblem.unprocessable("sites:grant.self", "You own this site already; invite someone else.")
                    .with("field", "email");
        }
        var now = clock.instant();
        var grant = new Grant(
                UUID.randomUUID(),
                site,
                SiteRole.VIEWER,
                GrantStatus.PENDING,
                null,
                null,
                invitee,
                null,
                now,
                null,
                null);
        if (!grants.insert(grant, owner)) {
            throw ApiProblem.conflict("sites:grant.exists", "This address is already invited to or sharing the site.");
        }
        audit.record(sharingEntry(owner, "sites.invitation.sent", grant));
        return grant;
    }

    /** Invitations waiting for the person's answer, matched by their account's e-mail address. */
    public List<Grant> invitationsFor(PersonId person) {
        return grants.pendingInvitationsFor(accounts.person(person).email());
    }

    @Transactional
    public Grant accept(PersonId person, UUID grantId) {
        var invitation = invitation(person, grantId);
        var now = clock.instant();
        grants.transition(grantId, GrantStatus.PENDING, GrantStatus.ACTIVE, person, now);
        events.publishEvent(new SiteShared(invitation.siteId(), grantId, SiteRole.VIEWER, now));
        audit.record(sharingEntry(person, "sites.invitation.accepted", invitation));
        return grants.findById(grantId).orElseThrow();
    }

    @Transactional
    public void decline(PersonId person, UUID grantId) {
        var invitation = invitation(person, grantId);
        grants.transition(grantId, GrantStatus.PENDING, GrantStatus.DECLINED, null, clock.instant());
        audit.record(sharingEntry(person, "sites.invitation.declined", invitation));
    }

    public List<Grant> grantsOf(PersonId owner, SiteId site) {
        access.require(owner, site, SitePermission.SHARE);
        return grants.ofSite(site);
    }

    @Transactional
    public void revoke(PersonId owner, SiteId site, UUID grantId) {
        access.require(owner, site, SitePermission.SHARE);
        var grant = grants.findById(grantId)
                .filter(found -> found.siteId().equals(site))
                .orElseThrow(() -> ApiProblem.notFound(
                        "sites:grant.not-found",
                        "This site has no grant " + grantId + ". List them with GET /api/v1/sites/" + site
                                + "/grants."));
        if (grant.role() == SiteRole.OWNER) {
            throw ApiProblem.conflict("sites:grant.owner", "The owner's own access cannot be revoked.");
        }
        var now = clock.instant();
        var live = grant.status() == GrantStatus.ACTIVE || grant.status() == GrantStatus.PENDING;
        if (!live || !grants.transition(grantId, grant.status(), GrantStatus.REVOKED, null, now)) {
            throw ApiProblem.conflict("sites:grant.ended", "This grant has already ended.");
        }
        events.publishEvent(new SiteAccessRevoked(site, grantId, grant.role(), now));
        audit.record(sharingEntry(owner, "sites.grant.revoked", grant));
    }

    /** A change to a site's sharing by the owner or the invitee; the invitee's address stays out of the audit log. */
    private static AuditEntry sharingEntry(PersonId person, String action, Grant grant) {
        return AuditEntry.byPerson(person.subject(), action)
                .about(person.subject())
                .on("site", grant.siteId())
                .with("grant", grant.id())
                .with("role", grant.role().wireName());
    }

    private Grant invitation(PersonId person, UUID grantId) {
        var email = accounts.person(person).email();
        return grants.findById(grantId)
                .filter(grant -> grant.status() == GrantStatus.PENDING && email.equals(grant.inviteeEmail()))
                .orElseThrow(() -> ApiProblem.notFound(
                        "sites:invitation.not-found",
                        "No open invitation " + grantId + " for you. List yours with GET /api/v1/me/invitations."));
    }
}
