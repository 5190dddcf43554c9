package org.gridvault.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.accounts.Organisation;
import org.gridvault.accounts.OrganisationDirectory;
import org.gridvault.accounts.OrganisationKind;
import org.gridvault.devices.DeviceRegistry;
import org.gridvault.sites.Site;
import org.gridvault.sites.SiteDirectory;
import org.gridvault.telemetry.DeviceStates;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The installer's fleet: every site granted to the person's installer organisations, with its health (devices
 * offline, when data last arrived), searchable by name and sorted. Listing the sites and their devices goes through
 * SiteAccess like any other look at someone else's site, so each one is recorded in the owner's disclosure ledger.
 */
@Controller
class InstallerPagesController {

    /** One row of the fleet. {@code lastData} is null when no device ever reported. */
    record FleetSite(
            Site site,
            Organisation organisation,
            int devices,
            int offline,
            @Nullable Instant lastData) {

        boolean healthy() {
            return devices > 0 && offline == 0;
        }
    }

    private final OrganisationDirectory organisations;
    private final SiteDirectory sites;
    private final DeviceRegistry registry;
    private final DeviceStates states;

    InstallerPagesController(
            OrganisationDirectory organisations, SiteDirectory sites, DeviceRegistry registry, DeviceStates states) {
        this.organisations = organisations;
        this.sites = sites;
        this.registry = registry;
        this.states = states;
    }

    @GetMapping("/installer")
    String fleet(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "health") String sort,
            Model model) {
        var installers = organisations.membershipsOf(me.id()).stream()
                .map(membership -> membership.organisation())
                .filter(organisation -> organisation.kind() == OrganisationKind.INSTALLER)
                .toList();
        var needle = q.strip().toLowerCase(Locale.ROOT);
        var fleet = installers.stream()
                .flatMap(organisation -> sites.sitesOfOrganisation(me.id(), organisation.id()).stream()
                        .filter(site -> needle.isEmpty()
                                || site.name().toLowerCase(Locale.ROOT).contains(needle))
                        .map(site -> health(me, site, organisation)))
                .sorted(order(sort))
                .toList();
        model.addAttribute("installers", installers);
        model.addAttribute("fleet", fleet);
        model.addAttribute("q", q);
        model.addAttribute("sort", sort);
        return "installer";
    }

    private FleetSite health(AuthenticatedPerson me, Site site, Organisation organisation) {
        var devices = registry.devicesOf(me.id(), site.id(), false);
        var statuses = devices.stream()
                .map(device -> states.status(device.id()))
                .flatMap(java.util.Optional::stream)
                .toList();
        var online = (int) statuses.stream().filter(status -> status.online()).count();
        var lastData = statuses.stream()
                .map(status -> status.lastSeenAt())
                .max(Instant::compareTo)
                .orElse(null);
        return new FleetSite(site, organisation, devices.size(), devices.size() - online, lastData);
    }

    /** {@code health}: most offline devices first, then stalest data; {@code name}; {@code last-data}: stalest first. */
    private static Comparator<FleetSite> order(String sort) {
        Comparator<FleetSite> byName =
                Comparator.comparing(row -> row.site().name().toLowerCase(Locale.ROOT));
        Comparator<FleetSite> byLastData =
                Comparator.comparing(FleetSite::lastData, Comparator.nullsFirst(Comparator.naturalOrder()));
        return switch (sort) {
            case "name" -> byName;
            case "last-data" -> byLastData.thenComparing(byName);
            default ->
                Comparator.comparingInt(FleetSite::offline)
                        .reversed()
                        .thenComparing(byLastData)
                        .thenComparing(byName);
        };
    }
}
