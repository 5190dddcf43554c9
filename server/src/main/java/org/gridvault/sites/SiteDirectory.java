package org.gridvault.sites;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.gridvault.accounts.OrganisationDirectory;
import org.gridvault.accounts.OrganisationId;
import org.gridvault.accounts.PersonId;
import org.gridvault.privacy.CorrectionNotices;
import org.gridvault.privacy.SubjectId;
import org.gridvault.problems.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates sites and keeps their descriptions; lists the sites a person or an installer organisation can see.
 *
 * <p>The creator of a site is its owner (an owner grant is created with it). Time zones must be IANA names (such as
 * Europe/Berlin; fixed offsets are refused because they get daylight-saving days wrong) and regions one of the
 * configured home regions.
 */
@Service
public class SiteDirectory {

    private final Sites sites;
    private final Grants grants;
    private final SiteAccess access;
    private final OrganisationDirectory organisations;
    private final SitesProperties properties;
    private final ApplicationEventPublisher events;
    private final CorrectionNotices corrections;
    private final Clock clock;

    SiteDirectory(
            Sites sites,
            Grants grants,
            SiteAccess access,
            OrganisationDirectory organisations,
            SitesProperties properties,
            ApplicationEventPublisher events,
            CorrectionNotices corrections,
            Clock clock) {
        this.sites = sites;
        this.grants = grants;
        this.access = access;
        this.organisations = organisations;
        this.properties = properties;
        this.events = events;
        this.corrections = corrections;
        this.clock = clock;
    }

    @Transactional
    public Site create(PersonId owner, SiteDetails details) {
        var now = clock.instant();
        var site = validated(new Site(
                SiteId.random(),
                owner,
                required(details.name(), "name"),
                timeZone(required(details.timeZone(), "timeZone")),
                required(details.region(), "region"),
                details.address(),
                details.latitude(),
                details.longitude(),
                details.installedOn(),
                now));
        sites.insert(site);
        grants.insert(
                new Grant(
                        UUID.randomUUID(),
                        site.id(),
                        SiteRole.OWNER,
                        GrantStatus.ACTIVE,
                        owner,
                        null,
                        null,
                        null,
                        now,
                        now,
                        null),
                owner);
        events.publishEvent(new SiteCreated(site.id(), owner, now));
        return site;
    }

    /** The site, for modules' internal work with no person asking (a site's time zone when rolling up its days). */
    public java.util.Optional<Site> find(SiteId id) {
        return sites.findById(id);
    }

    /** The sites' time zones, for modules' internal work (rolling up many devices' days at once). */
    public Map<SiteId, ZoneId> timeZones(Collection<SiteId> ids) {
        return sites.timeZones(ids);
    }

    public AccessibleSite site(PersonId person, SiteId id) {
        return access.require(person, id, SitePermission.VIEW);
    }

    public List<AccessibleSite> sitesOf(PersonId person) {
        return access.accessibleSites(person);
    }

    /** The sites granted to an installer organisation, for its members. */
    public List<Site> sitesOfOrganisation(PersonId member, OrganisationId organisation) {
        organisations.organisation(member, organisation);
        return access.sitesOfOrganisation(member, organisation);
    }

    @Transactional
    public Site update(PersonId person, SiteId id, SiteDetails change) {
        var current = access.require(person, id, SitePermission.EDIT).site();
        var changed = validated(new Site(
                id,
                current.owner(),
                change.name() == null ? current.name() : change.name(),
                change.timeZone() == null ? current.timeZone() : timeZone(change.timeZone()),
                change.region() == null ? current.region() : change.region(),
                change.address() == null ? current.address() : change.address(),
                change.latitude() == null ? current.latitude() : change.latitude(),
                change.longitude() == null ? current.longitude() : change.longitude(),
                change.installedOn() == null ? current.installedOn() : change.installedOn(),
                current.createdAt()));
        sites.update(changed);
        if (!changed.timeZone().equals(current.timeZone())) {
            events.publishEvent(new SiteTimeZoneChanged(id, current.timeZone(), changed.timeZone(), clock.instant()));
        }
        corrections.corrected(
                new SubjectId(current.owner().value()), correctedCategories(current, changed), "site:" + id);
        return changed;
    }

    /** The catalog categories (sites.yaml) of the fields that changed, for correction notices to recipients. */
    private static Set<String> correctedCategories(Site before, Site after) {
        var categories = new HashSet<String>();
        if (!before.name().equals(after.name()) || !Objects.equals(before.installedOn(), after.installedOn())) {
            categories.add("site.description");
        }
        if (!Objects.equals(before.address(), after.address())) {
            categories.add("contact.postal");
        }
        if (!Objects.equals(before.latitude(), after.latitude())
                || !Objects.equals(before.longitude(), after.longitude())) {
            categories.add("location.precise");
        }
        if (!before.timeZone().equals(after.timeZone()) || !before.region().equals(after.region())) {
            categories.add("location.region");
        }
        return categories;
    }

    /** The ids of the sites the person owns, for modules that export or erase the person's data. */
    public List<SiteId> ownedBy(PersonId owner) {
        return sites.idsOwnedBy(owner);
    }

    private Site validated(Site site) {
        if (site.name().isBlank() || site.name().length() > 200) {
            throw invalid("sites:name.invalid", "Name the site with 1 to 200 characters.", "name");
        }
        if (!properties.regions().contains(site.region())) {
            throw invalid(
                    "sites:region.unknown",
                    "Region '%s' is not offered here. Choose one of %s.".formatted(site.region(), properties.regions()),
                    "region");
        }
        if ((site.latitude() == null) != (site.longitude() == null)) {
            throw invalid("sites:location.incomplete", "Give both latitude and longitude, or neither.", "latitude");
        }
        if (site.latitude() != null && (site.latitude() < -90 || site.latitude() > 90)) {
            throw invalid("sites:latitude.invalid", "Latitude must be between -90 and 90 degrees.", "latitude");
        }
        if (site.longitude() != null && (site.longitude() < -180 || site.longitude() > 180)) {
            throw invalid("sites:longitude.invalid", "Longitude must be between -180 and 180 degrees.", "longitude");
        }
        if (site.installedOn() != null
                && (site.installedOn().getYear() < 1 || site.installedOn().getYear() > 9999)) {
            throw invalid(
                    "sites:installed-on.invalid",
                    "Give installedOn as a date between 0001-01-01 and 9999-12-31.",
                    "installedOn");
        }
        if (site.address() != null && site.address().length() > 500) {
            throw invalid("sites:address.invalid", "Keep the address under 500 characters.", "address");
        }
        return site;
    }

    private static ZoneId timeZone(String name) {
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            throw invalid(
                    "sites:time-zone.invalid",
                    "'%s' is not an IANA time zone. Use a name such as Europe/Berlin or Asia/Singapore."
                            .formatted(name),
                    "timeZone");
        }
        return ZoneId.of(name);
    }

    private static String required(@Nullable String value, String field) {
        if (value == null) {
            var code = "sites:" + field.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT) + ".missing";
            throw invalid(code, "Give the site's " + field + ".", field);
        }
        return value;
    }

    private static ApiProblem invalid(String code, String message, String field) {
        return ApiProblem.unprocessable(code, message).with("field", field);
    }
}
