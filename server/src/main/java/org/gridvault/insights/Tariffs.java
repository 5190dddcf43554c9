package org.gridvault.insights;

import java.time.Clock;
import java.util.List;
import org.gridvault.accounts.PersonId;
import org.gridvault.problems.ApiProblem;
import org.gridvault.sites.SiteAccess;
import org.gridvault.sites.SiteId;
import org.gridvault.sites.SitePermission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A site's electricity tariffs, versioned by the local date they apply from. Whoever sees the site sees its tariffs;
 * whoever may change the site ({@link SitePermission#EDIT}, the owner) adds or replaces versions. Thread-safe.
 *
 * <pre>{@code
 * tariffs.put(owner, site, new Tariff(LocalDate.of(2026, 1, 1), "EUR", new BigDecimal("0.30"), List.of(),
 *         new BigDecimal("0.08"), new BigDecimal("0.45")));
 * }</pre>
 */
@Service
public class Tariffs {

    private final SiteAccess access;
    private final TariffVersions versions;
    private final Clock clock;

    Tariffs(SiteAccess access, TariffVersions versions, Clock clock) {
        this.access = access;
        this.versions = versions;
        this.clock = clock;
    }

    /** The site's tariff versions, oldest first (empty when it has none). */
    public List<Tariff> versions(PersonId person, SiteId site) {
        access.require(person, site, SitePermission.VIEW);
        return versions.ofSite(site);
    }

    /**
     * Adds the version, or replaces the one with the same {@code validFrom}; returns all versions. Versions that
     * start earlier keep applying up to this one's {@code validFrom}, so the cost of the days before it does not
     * change. Refused (422) when the version breaks a rule of docs/energy-flows.md, or when its currency differs from
     * the site's other versions.
     */
    @Transactional
    public List<Tariff> put(PersonId person, SiteId site, Tariff tariff) {
        access.require(person, site, SitePermission.EDIT);
        TariffRules.check(tariff);
        versions.lock(site);
        var others = versions.ofSite(site).stream()
                .filter(version -> !version.validFrom().equals(tariff.validFrom()))
                .toList();
        if (!others.isEmpty() && !others.getFirst().currency().equals(tariff.currency())) {
            throw ApiProblem.unprocessable(
                            "insights:currency.changed",
                            "This site's tariffs are in %s; a version in %s would mix currencies. Give prices in %s."
                                    .formatted(
                                            others.getFirst().currency(),
                                            tariff.currency(),
                                            others.getFirst().currency()))
                    .with("currency", others.getFirst().currency());
        }
        versions.save(site, tariff, clock.instant());
        return versions.ofSite(site);
    }

    /** The site's versions for someone whose access was already checked. */
    List<Tariff> versionsOf(SiteId site) {
        return versions.ofSite(site);
    }
}
