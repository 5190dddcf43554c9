package org.gridvault.insights.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.insights.EnergyCosts;
import org.gridvault.insights.SiteCosts;
import org.gridvault.sites.SiteId;
import org.gridvault.telemetry.TimeBound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Insights", description = "Energy flows, self-sufficiency, tariffs and costs of sites")
@RestController
class EnergyCostsController {

    private final EnergyCosts costs;

    EnergyCostsController(EnergyCosts costs) {
        this.costs = costs;
    }

    @Operation(summary = "A site's energy costs per interval, priced with its tariffs", description = """
                    Per interval: imported and exported Wh, importCost (by the time-of-use price in force at each \
                    quarter hour), exportRevenue, fixedCharge (the interval's share of the daily charges) and net = \
                    importCost + fixedCharge - exportRevenue, in the site's currency, rounded half to even to its \
                    minor unit once from exact sums; total: the same for the whole period. Each day is priced with \
                    the tariff version in force on it. 404 insights:tariff.not-found when the site has no tariff. \
                    interval: PT15M, PT1H, P1D or P1M; from/to: instants or dates, to exclusive; at most 800 days.""")
    @GetMapping("/api/v1/sites/{siteId}/costs")
    SiteCosts costs(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @PathVariable UUID siteId,
            @Parameter(description = "Start (inclusive): an instant or a date") @RequestParam String from,
            @Parameter(description = "End (exclusive): an instant or a date") @RequestParam String to,
            @Parameter(description = "PT15M, PT1H, P1D or P1M") @RequestParam String interval) {
        return costs.costs(
                me.id(), new SiteId(siteId), TimeBound.parse(from, "from"), TimeBound.parse(to, "to"), interval);
    }
}
