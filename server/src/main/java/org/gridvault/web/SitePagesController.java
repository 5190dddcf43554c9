package org.gridvault.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.devices.DeviceRegistry;
import org.gridvault.sites.Sharing;
import org.gridvault.sites.SiteDetails;
import org.gridvault.sites.SiteDirectory;
import org.gridvault.sites.SiteId;
import org.gridvault.sites.SiteRole;
import org.gridvault.sites.SitesProperties;
import org.gridvault.telemetry.DeviceStates;
import org.gridvault.telemetry.EnergyInterval;
import org.gridvault.telemetry.SiteEnergy;
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
 * energy of a day, week, month or year in the site's time zone with the previous period for comparison, and the
 * CSV of the same figures.
 */
@Controller
class SitePagesController {

    /** One interval of the chart, also shown as a table for screen readers and keyboard users. */
    record ChartRow(String label, EnergyInterval energy) {}

    private final SiteDirectory sites;
    private final Sharing sharing;
    private final SiteEnergy energy;
    private final DeviceRegistry registry;
    private final DeviceStates states;
    private final SitesProperties regions;
    private final JsonMapper json;
    private final Clock clock;

    SitePagesController(
            SiteDirectory sites,
            Sharing sharing,
            SiteEnergy energy,
            DeviceRegistry registry,
            DeviceStates states,
            SitesProperties regions,
            JsonMapper json,
            Clock clock) {
        this.regions = regions;
        this.sites = sites;
        this.sharing = sharing;
        this.energy = energy;
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
        var intervals = energy.energy(me.id(), id, shown.from(), shown.to(), shown.chartInterval());
        var before = shown.previous();
        var totals = EnergyTotals.of(intervals);
        var previousTotals =
                EnergyTotals.of(energy.energy(me.id(), id, before.from(), before.to(), before.totalInterval()));
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
        model.addAttribute(
                "productionChange", EnergyTotals.change(totals.productionWh(), previousTotals.productionWh()));
        model.addAttribute(
                "consumptionChange", EnergyTotals.change(totals.consumptionWh(), previousTotals.consumptionWh()));
        model.addAttribute("importChange", EnergyTotals.change(totals.gridImportWh(), previousTotals.gridImportWh()));
        model.addAttribute("chart", json.writeValueAsString(chart(intervals, shown, site.timeZone(), locale)));
        var barFormat = EnergyPeriod.barFormat(shown.kind(), locale);
        model.addAttribute(
                "rows",
                intervals.stream()
                        .map(interval -> new ChartRow(
                                interval.start().atZone(site.timeZone()).format(barFormat), interval))
                        .toList());
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

    /** The chart's series in kWh, one bar per interval; what leaves the site (export, charging) below zero. */
    private static Object chart(List<EnergyInterval> intervals, EnergyPeriod period, ZoneId zone, Locale locale) {
        var format = EnergyPeriod.barFormat(period.kind(), locale);
        var labels = new ArrayList<String>();
        var production = new ArrayList<Double>();
        var consumption = new ArrayList<Double>();
        var imported = new ArrayList<Double>();
        var exported = new ArrayList<Double>();
        var charged = new ArrayList<Double>();
        var discharged = new ArrayList<Double>();
        var ev = new ArrayList<Double>();
        for (var interval : intervals) {
            labels.add(interval.start().atZone(zone).format(format));
            production.add(kWh(interval.productionWh()));
            consumption.add(kWh(interval.consumptionWh()));
            imported.add(kWh(interval.gridImportWh()));
            exported.add(-kWh(interval.gridExportWh()));
            charged.add(-kWh(interval.batteryChargeWh()));
            discharged.add(kWh(interval.batteryDischargeWh()));
            ev.add(kWh(interval.evChargingWh()));
        }
        var chart = new LinkedHashMap<String, Object>();
        chart.put("labels", labels);
        chart.put("production", production);
        chart.put("consumption", consumption);
        chart.put("gridImport", imported);
        chart.put("gridExport", exported);
        chart.put("batteryCharge", charged);
        chart.put("batteryDischarge", discharged);
        chart.put("ev", ev);
        return chart;
    }

    private static double kWh(long wh) {
        return wh / 1000.0;
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
