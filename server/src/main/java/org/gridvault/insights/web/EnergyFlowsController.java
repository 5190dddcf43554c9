package org.gridvault.insights.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.insights.EnergyFlows;
import org.gridvault.insights.SiteFlows;
import org.gridvault.sites.SiteId;
import org.gridvault.telemetry.TimeBound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Insights", description = "Energy flows, self-sufficiency, tariffs and costs of sites")
@RestController
class EnergyFlowsController {

    private final EnergyFlows flows;

    EnergyFlowsController(EnergyFlows flows) {
        this.flows = flows;
    }

    @Operation(
            summary = "A site's energy flows per interval, with self-sufficiency and self-consumption",
            description = """
                    Per interval: what was measured (as GET /api/v1/sites/{siteId}/energy, plus homeWh = consumption \
                    other than EV charging), the flows from solar, grid and battery to home, EV, battery and grid \
                    (whole Wh, computed per quarter hour and summed; rules in docs/energy-flows.md), and \
                    selfSufficiency = 1 - import/consumption and selfConsumption = (production - export)/production \
                    (clamped to [0, 1], null where the denominator is 0); total: the same for the whole period. \
                    interval: PT15M, PT1H, P1D or P1M (days and months in the site's time zone); from/to: instants or \
                    dates, to exclusive; at most 800 days.""")
    @GetMapping("/api/v1/sites/{siteId}/flows")
    SiteFlows flows(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @PathVariable UUID siteId,
            @Parameter(description = "Start (inclusive): an instant or a date") @RequestParam String from,
            @Parameter(description = "End (exclusive): an instant or a date") @RequestParam String to,
            @Parameter(description = "PT15M, PT1H, P1D or P1M") @RequestParam String interval) {
        return flows.flows(
                me.id(), new SiteId(siteId), TimeBound.parse(from, "from"), TimeBound.parse(to, "to"), interval);
    }
}
