package org.gridvault.insights.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.insights.Tariff;
import org.gridvault.insights.Tariffs;
import org.gridvault.sites.SiteId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Insights", description = "Energy flows, self-sufficiency, tariffs and costs of sites")
@RestController
class TariffsController {

    private final Tariffs tariffs;

    TariffsController(Tariffs tariffs) {
        this.tariffs = tariffs;
    }

    @Operation(summary = "A site's tariff versions, oldest first")
    @GetMapping("/api/v1/sites/{siteId}/tariffs")
    List<Tariff> list(@AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID siteId) {
        return tariffs.versions(me.id(), new SiteId(siteId));
    }

    @Operation(
            summary = "Add a tariff version, or replace the one with the same validFrom (owner only)",
            description = """
                    A version applies from validFrom (a date in the site's time zone) until the next version; the \
                    days before it keep their cost. Body: validFrom, currency (ISO 4217, the same for all versions), \
                    importPricePerKwh (where no band applies), importBands [{days: [MONDAY, ...], from: "07:00", \
                    to: "22:00", pricePerKwh}] (quarter hours, not overlapping, to "00:00" or "24:00" = midnight), \
                    exportPricePerKwh and dailyCharge (default 0). Prices: zero or more, at most 6 decimals. Returns \
                    all versions. See docs/energy-flows.md.""")
    @PutMapping("/api/v1/sites/{siteId}/tariffs")
    List<Tariff> put(
            @AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID siteId, @RequestBody TariffBody body) {
        return tariffs.put(me.id(), new SiteId(siteId), body.toTariff());
    }
}
