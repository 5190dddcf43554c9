package org.gridvault.sites;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import org.gridvault.accounts.OrganisationDirectory;
import org.gridvault.accounts.OrganisationId;
import org.gridvault.accounts.OrganisationKind;
import org.gridvault.accounts.PersonId;
import org.gridvault.privacy.AccessGrant;
import org.gridvault.privacy.Decision;
import org.gridvault.privacy.DecisionRequest;
import org.gridvault.privacy.PrivacyDecisions;
import org.gridvault.privacy.Purpose;
import org.gridvault.privacy.SubjectId;
import org.gridvault.problems.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Decides what a person may do on a site, from the grants in force at this moment (so a revoked or expired grant
 * stops working on the very next request).
 *
 * <p>A site the person has no grant for does not exist for them: {@link #require} answers 404, not 403, so that
 * site ids cannot be probed. A person with a grant that does not allow the action gets 403.
 */
@Service
public class SiteAccess {

    /** When one person reaches a site by several grants, the strongest role counts. */
    private static final Comparator<SiteRole> STRENGTH = Comparator.comparingInt(role -> switch (role) {
        case OWNER -> 3;
        case INSTALLER -> 2;
        case VIEWER -> 1;
    });
    /** What someone who opens a site sees of its owner: where it is, what is installed, what it measured. */
    static final Set<String> SITE_DATA =
            Set.of("location.precise", "contact.postal", "device.identifier", "energy.interval", "energy.generation");

    private final Grants grants;
    private final Sites sites;
    private final OrganisationDirectory organisations;
    private final PrivacyDecisions decisions;
    private final Clock clock;

    SiteAccess(
            Grants grants, Sites sites, OrganisationDirectory organisations, PrivacyDecisions decisions, Clock clock) {
        this.grants = grants;
        this.sites = sites;
        this.organisations = organisations;
        this.decisions = decisions;
        this.clock = clock;
    }

    public Optional<SiteRole> roleOf(PersonId person, SiteId site) {
        return strongestGrants(person, site).values().stream().findFirst().map(Grant::role);
    }

    /**
     * The site, if the person may do {@code permission} there; otherwise 404 (no access) or 403 (not allowed). When
     * the person is not the owner, the privacy decision point decides and records the disclosure.
     */
    public AccessibleSite require(PersonId person, SiteId site, SitePermission permission) {
        var grant = strongestGrants(person, site).get(site.value());
        if (grant == null) {
            throw notFound(site);
        }
        var role = grant.role();
        if (!role.allows(permission)) {
            throw ApiProblem.forbidden(
                            "sites:permission.denied",
                            "As %s of this site you may not %s. Ask the owner."
                                    .formatted(role.wireName(), permission.description()))
                    .with("role", role.wireName());
        }
        var found = sites.findById(site).orElseThrow(() -> notFound(site));
        if (role != SiteRole.OWNER) {
            var decision = decide(person, found, grant);
            if (!decision.allowed()) {
                throw ApiProblem.forbidden(
                        "privacy:access.denied",
                        "Access to this site's data is not allowed: " + decision.reason() + ".");
            }
        }
        return new AccessibleSite(found, role);
    }

    /**
     * Every site the person reaches, with the strongest role for each, ordered by name. Sites seen through someone
     * else's grant are disclosures like any other read, decided and recorded one by one.
     */
    public List<AccessibleSite> accessibleSites(PersonId person) {
        var strongest = strongestGrants(person, null);
        return sites.findAll(strongest.keySet()).stream()
                .map(site -> new AccessibleSite(
                        site, strongest.get(site.id().value()).role()))
                .filter(accessible -> accessible.role() == SiteRole.OWNER
                        || decide(
                                        person,
                                        accessible.site(),
                                        strongest.get(accessible.site().id().value()))
                                .allowed())
                .toList();
    }

    /** The sites granted to an installer organisation, as one of its members sees them (each a disclosure). */
    List<Site> sitesOfOrganisation(PersonId member, OrganisationId organisation) {
        var byId = grants.ofOrganisation(organisation, clock.instant()).stream()
                .collect(Collectors.toMap(grant -> grant.siteId().value(), grant -> grant, (a, b) -> a));
        return sites.findAll(byId.keySet()).stream()
                .filter(site ->
                        decide(member, site, byId.get(site.id().value())).allowed())
                .toList();
    }

    static ApiProblem notFound(SiteId site) {
        return ApiProblem.notFound(
                "sites:site.not-found", "No site " + site + " is visible to you. List yours with GET /api/v1/sites.");
    }

    private Decision decide(PersonId person, Site site, Grant grant) {
        var basis = new AccessGrant(
                grant.role().wireName(),
                grant.id().toString(),
                grant.expiresAt(),
                grant.organisationId() == null ? null : grant.organisationId().value());
        return decisions.decide(new DecisionRequest(
                new SubjectId(person.value()),
                new SubjectId(site.owner().value()),
                Purpose.SERVICE,
                SITE_DATA,
                "site:" + site.id(),
                basis,
                site.region()));
    }

    private Map<UUID, Grant> strongestGrants(PersonId person, @Nullable SiteId site) {
        var installerOrganisations = organisations.membershipsOf(person).stream()
                .filter(membership -> membership.organisation().kind() == OrganisationKind.INSTALLER)
                .map(membership -> membership.organisation().id().value())
                .toList();
        BinaryOperator<Grant> strongest = (a, b) -> STRENGTH.compare(a.role(), b.role()) >= 0 ? a : b;
        return grants.effectiveFor(person, installerOrganisations, site, clock.instant()).stream()
                .collect(Collectors.toMap(grant -> grant.siteId().value(), grant -> grant, strongest));
    }
}
