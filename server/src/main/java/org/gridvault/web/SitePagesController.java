package org.gridvault.web;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.devices.DeviceRegistry;
import org.gridvault.insights.EnergyCosts;
import org.gridvault.insights.EnergyFlows;
import org.gridvault.insights.MeasuredEnergy;
import org.gridvault.problems.ApiProblem;
import org.gridvault.sites.Sharing;
import org.gridvault.sites.SiteDetails;
import org.gridvault.sites.SiteDirectory;
import org.gridvault.sites.SiteId;
import org.gridvault.sites.SiteRole;
import org.gridvault.sites.SitesProperties;
import org.gridvault.telemetry.DeviceStates;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sites a person sees, invitations to view others' sites, a new site, and a site's overview: live power (refreshed by htmx from {@code /live}), the
 * energy of a day, week, month or year in the site's time zone with its flows (Sankey), self-sufficiency and
 * self-consumption and grid cost (from insights), the previous period for comparison, and the CSV of the measured
 * energy.
 */
@Controller
class SitePagesController {

    /** One interval of the chart, also shown as a table for screen readers and keyboard users. */
    record ChartRow(String label, MeasuredEnergy energy) {}

    /** What the period's grid energy cost (net: import + daily charges − export revenue), formatted. */
    record PeriodCost(String net, String importCost, String exportRevenue, String fixedCharge, String previousNet) {}

    private final SiteDirectory sites;
    private final Sharing sharing;
    private final EnergyFlows flows;
    private final EnergyCosts costs;
    private final EnergyCharts charts;
    private final DeviceRegistry registry;
    private final DeviceStates states;
    private final SitesProperties regions;
    private final JsonMapper json;
    private final Clock clock;

    SitePagesController(
            SiteDirectory sites,
            Sharing sharing,
            EnergyFlows flows,
            EnergyCosts costs,
            EnergyCharts charts,
            DeviceRegistry registry,
            DeviceStates states,
            SitesProperties regions,
            JsonMapper json,
            Clock clock) {
        this.regions = regions;
        this.sites = sites;
        this.sharing = sharing;
        this.flows = flows;
        this.costs = costs;
        this.charts = charts;
        this.registry = registry;
        this.states = states;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/sites")
    String list(@AuthenticationPrincipal AuthenticatedPerson me, Model model) {
        model.addAttribute("sites", sites.sitesOf(me.id()));
        model.addAttribute("invitations", sharing.invitationsFor(me.id()));
        model.addAttribute("timeZones", List.of("Europe/Berlin", "Europe/London", "Asia/Singapore", "Asia/Shanghai"));
        model.addAttribute("regions", regions.regions());
        return "sites";
    }

    @PostMapping("/sites")
    ResponseEntity<String> create(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @RequestParam String name,
            @RequestParam String timeZone,
            @RequestParam String region) {
        var site = sites.create(me.id(), new SiteDetails(name, timeZone, region, null, null, null, null));
        return ResponseEntity.noContent()
                .header("HX-Redirect", "/sites/" + site.id())
                .build();
    }

    /** Accepts an invitation to view a site, and opens the site. */
    @PostMapping("/invitations/{grantId}/accept")
    ResponseEntity<String> accept(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID grantId) {
        var grant = sharing.accept(me.id(), grantId);
        return ResponseEntity.noContent()
                .header("HX-Redirect", "/sites/" + grant.siteId())
                .build();
    }

    @PostMapping("/invitations/{grantId}/decline")
    ResponseEntity<String> decline(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID grantId) {
        sharing.decline(me.id(), grantId);
        return ResponseEntity.noContent().header("HX-Refresh", "true").build();
    }

    @GetMapping("/sites/{siteId}")
    String overview(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @PathVariable UUID siteId,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String date,
            Locale locale,
            Model model) {
        var id = new SiteId(siteId);
        var accessible = sites.site(me.id(), id);
        var site = accessible.site();
        var today = LocalDate.ofInstant(clock.instant(), site.timeZone());
        var shown = EnergyPeriod.containing(EnergyPeriod.Kind.parse(period), parseDate(date, today));
        var current = flows.flows(me.id(), id, shown.from(), shown.to(), shown.chartInterval());
        var before = shown.previous();
        var previous = flows.flows(me.id(), id, before.from(), before.to(), before.totalInterval())
                .total();
        var totals = current.total().measured();
        var previousTotals = previous.measured();
        model.addAttribute("site", site);
        model.addAttribute("role", accessible.role().wireName());
        model.addAttribute("owner", accessible.role() == SiteRole.OWNER);
        model.addAttribute("period", shown);
        model.addAttribute("periodKind", shown.kind().wireName());
        model.addAttribute("periodLabel", shown.label(locale));
        model.addAttribute("previousDate", before.start());
        model.addAttribute(
                "nextDate", shown.contains(today) ? null : shown.next().start());
        model.addAttribute("totals", totals);
        model.addAttribute("previousTotals", previousTotals);
        model.addAttribute("ratios", current.total().ratios());
        model.addAttribute("previousRatios", previous.ratios());
        model.addAttribute("productionChange", PeriodChange.of(totals.productionWh(), previousTotals.productionWh()));
        model.addAttribute(
                "consumptionChange", PeriodChange.of(totals.consumptionWh(), previousTotals.consumptionWh()));
        model.addAttribute("importChange", PeriodChange.of(totals.gridImportWh(), previousTotals.gridImportWh()));
        model.addAttribute(
                "chart", json.writeValueAsString(charts.bars(current.intervals(), shown, site.timeZone(), locale)));
        model.addAttribute(
                "hasFlows",
                current.total().flows().fromSolarWh()
                                + current.total().flows().fromGridWh()
                                + current.total().flows().fromBatteryWh()
                        > 0);
        model.addAttribute(
                "sankey", json.writeValueAsString(charts.sankey(current.total().flows(), locale)));
        var barFormat = EnergyPeriod.barFormat(shown.kind(), locale);
        model.addAttribute(
                "rows",
                current.intervals().stream()
                        .map(interval -> new ChartRow(
                                interval.start().atZone(site.timeZone()).format(barFormat), interval.measured()))
                        .toList());
        costs(me, id, shown, locale).ifPresent(cost -> model.addAttribute("cost", cost));
        model.addAttribute(
                "csvUrl",
                "/api/v1/sites/%s/energy.csv?from=%s&to=%s&interval=%s"
                        .formatted(siteId, shown.start(), shown.end(), shown.chartInterval()));
        model.addAttribute("live", live(me, id));
        return "site";
    }

    @GetMapping("/sites/{siteId}/live")
    String livePower(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID siteId, Model model) {
        var id = new SiteId(siteId);
        model.addAttribute("live", live(me, id));
        // The person may see the site: live(...) just asked SiteAccess (and recorded the disclosure) for its devices.
        model.addAttribute("site", sites.find(id).orElseThrow());
        return "site :: live";
    }

    private LivePower live(AuthenticatedPerson me, SiteId site) {
        var reported = registry.devicesOf(me.id(), site, false).stream()
                .map(device -> new LivePower.Reported(
                        device, states.status(device.id()).orElse(null)))
                .toList();
        return LivePower.of(reported);
    }

    /**
     * The period's grid cost and the previous period's, formatted in the tariff's currency; empty when the site has
     * no tariff (nothing is made up).
     */
    private Optional<PeriodCost> costs(AuthenticatedPerson me, SiteId id, EnergyPeriod shown, Locale locale) {
        try {
            var now = costs.costs(me.id(), id, shown.from(), shown.to(), shown.totalInterval());
            var before = shown.previous();
            var then = costs.costs(me.id(), id, before.from(), before.to(), before.totalInterval());
            var money = NumberFormat.getCurrencyInstance(locale);
            money.setCurrency(Currency.getInstance(now.currency()));
            return Optional.of(new PeriodCost(
                    money.format(now.total().net()),
                    money.format(now.total().importCost()),
                    money.format(now.total().exportRevenue()),
                    money.format(now.total().fixedCharge()),
                    money.format(then.total().net())));
        } catch (ApiProblem problem) {
            if ("insights:tariff.not-found".equals(problem.code())) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    private static LocalDate parseDate(@Nullable String date, LocalDate today) {
        if (date == null) {
            return today;
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return today;
        }
    }
}
