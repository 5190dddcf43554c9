package org.gridvault.sites;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import org.gridvault.accounts.OrganisationDirectory;
import org.gridvault.accounts.OrganisationKind;
import org.gridvault.accounts.PersonId;
import org.gridvault.problems.ApiProblem;
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

    private final Grants grants;
    private final Sites sites;
    private final OrganisationDirectory organisations;
    private final Clock clock;

    SiteAccess(Grants grants, Sites sites, OrganisationDirectory organisations, Clock clock) {
        this.grants = grants;
        this.sites = sites;
        this.organisations = organisations;
        this.clock = clock;
    }

    public Optional<SiteRole> roleOf(PersonId person, SiteId site) {
        return rolesBySite(person, site).values().stream().findFirst();
    }

    /** The site, if the person may do {@code permission} there; otherwise 404 (no access) or 403 (not allowed). */
    public AccessibleSite require(PersonId person, SiteId site, SitePermission permission) {
        var role = roleOf(person, site).orElseThrow(() -> notFound(site));
        if (!role.allows(permission)) {
            throw ApiProblem.forbidden(
                            "sites:permission.denied",
                            "As %s of this site you may not %s. Ask the owner."
                                    .formatted(role.wireName(), permission.description()))
                    .with("role", role.wireName());
        }
        return new AccessibleSite(sites.findById(site).orElseThrow(() -> notFound(site)), role);
    }

    /** Every site the person reaches, with the strongest role for each, ordered by name. */
    public List<AccessibleSite> accessibleSites(PersonId person) {
        var roles = rolesBySite(person, null);
        return sites.findAll(roles.keySet()).stream()
                .map(site -> new AccessibleSite(site, roles.get(site.id().value())))
                .toList();
    }

    static ApiProblem notFound(SiteId site) {
        return ApiProblem.notFound(
                "sites:site.not-found", "No site " + site + " is visible to you. List yours with GET /api/v1/sites.");
    }

    private Map<UUID, SiteRole> rolesBySite(PersonId person, @org.jspecify.annotations.Nullable SiteId site) {
        var installerOrganisations = organisations.membershipsOf(person).stream()
                .filter(membership -> membership.organisation().kind() == OrganisationKind.INSTALLER)
                .map(membership -> membership.organisation().id().value())
                .toList();
        BinaryOperator<SiteRole> strongest = (a, b) -> STRENGTH.compare(a, b) >= 0 ? a : b;
        return grants.effectiveFor(person, installerOrganisations, site, clock.instant()).stream()
                .collect(Collectors.toMap(grant -> grant.siteId().value(), Grant::role, strongest));
    }
}
