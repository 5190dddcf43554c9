package org.gridvault.telemetry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.sites.SiteId;
import org.gridvault.telemetry.EnergyInterval;
import org.gridvault.telemetry.SiteEnergy;
import org.gridvault.telemetry.TimeBound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Telemetry", description = "Measurements of devices and the energy of sites")
@RestController
class SiteEnergyController {

    private static final String DESCRIPTION = """
            The site's energy per interval, whole Wh, summed over its devices by kind (decommissioned ones included): \
            gridImportWh and gridExportWh from grid meters, productionWh from PV inverters, batteryChargeWh and \
            batteryDischargeWh from batteries, evChargingWh from EV chargers, and consumptionWh = production + import \
            + discharge - export - charge (0 where measurement errors would make it negative; EV charging is part of \
            it). Every interval that starts within [from, to) is returned, with zeros where nothing was measured. \
            interval: PT15M or PT1H (UTC buckets), P1D or P1M (days and months in the site's time zone, so a day has \
            23 or 25 hours on daylight-saving changes). from/to: instants (2026-03-29T10:00:00Z) or dates \
            (2026-03-29, the site's local midnight); to is exclusive. At most 10,000 intervals. See docs/energy.md.""";

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final SiteEnergy energy;

    SiteEnergyController(SiteEnergy energy) {
        this.energy = energy;
    }

    @Operation(summary = "A site's energy per interval", description = DESCRIPTION)
    @GetMapping("/api/v1/sites/{siteId}/energy")
    List<EnergyInterval> energy(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @PathVariable UUID siteId,
            @Parameter(description = "Start (inclusive): an instant or a date") @RequestParam String from,
            @Parameter(description = "End (exclusive): an instant or a date") @RequestParam String to,
            @Parameter(description = "PT15M, PT1H, P1D or P1M") @RequestParam String interval) {
        return energy.energy(
                me.id(), new SiteId(siteId), TimeBound.parse(from, "from"), TimeBound.parse(to, "to"), interval);
    }

    @Operation(
            summary = "A site's energy per interval as CSV",
            description =
                    "The same as GET /api/v1/sites/{siteId}/energy, as text/csv with a header row. " + DESCRIPTION)
    @GetMapping(value = "/api/v1/sites/{siteId}/energy.csv")
    ResponseEntity<String> energyCsv(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @PathVariable UUID siteId,
            @Parameter(description = "Start (inclusive): an instant or a date") @RequestParam String from,
            @Parameter(description = "End (exclusive): an instant or a date") @RequestParam String to,
            @Parameter(description = "PT15M, PT1H, P1D or P1M") @RequestParam String interval) {
        var intervals = energy(me, siteId, from, to, interval);
        var csv = new StringBuilder(
                "start,gridImportWh,gridExportWh,productionWh,batteryChargeWh,batteryDischargeWh,evChargingWh,"
                        + "consumptionWh\r\n");
        for (var row : intervals) {
            csv.append(row.start())
                    .append(',')
                    .append(row.gridImportWh())
                    .append(',')
                    .append(row.gridExportWh())
                    .append(',')
                    .append(row.productionWh())
                    .append(',')
                    .append(row.batteryChargeWh())
                    .append(',')
                    .append(row.batteryDischargeWh())
                    .append(',')
                    .append(row.evChargingWh())
                    .append(',')
                    .append(row.consumptionWh())
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("energy-" + siteId + ".csv")
                                .build()
                                .toString())
                .body(csv.toString());
    }
}
