package org.gridvault.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import org.gridvault.accounts.PersonId;
import org.gridvault.problems.ApiProblem;
import org.gridvault.sites.SiteId;
import org.gridvault.telemetry.TimeBound;
import org.springframework.stereotype.Service;

/**
 * What a site's grid energy costs per interval: import cost by the time-of-use price in force at each quarter hour,
 * export revenue, the share of the daily fixed charge, and the net, in the currency of the site's {@link Tariffs}
 * (see docs/energy-flows.md). Each quarter hour is priced with the tariff version in force on its local date, so a
 * new version never changes the cost of the days before it; quarter hours before the first version cost nothing.
 * Parameters and errors as for {@link EnergyFlows}; 404 {@code insights:tariff.not-found} when the site has no
 * tariff. Thread-safe.
 *
 * <pre>{@code
 * var march = costs.costs(person, site, TimeBound.parse("2026-03-01", "from"), TimeBound.parse("2026-04-01", "to"), "P1D");
 * BigDecimal net = march.total().net(); // in march.currency()
 * }</pre>
 */
@Service
public class EnergyCosts {

    private final QuarterHours quarterHours;
    private final Tariffs tariffs;

    EnergyCosts(QuarterHours quarterHours, Tariffs tariffs) {
        this.quarterHours = quarterHours;
        this.tariffs = tariffs;
    }

    /** @param interval {@code PT15M}, {@code PT1H}, {@code P1D} or {@code P1M} */
    public SiteCosts costs(PersonId person, SiteId site, TimeBound from, TimeBound to, String interval) {
        var read = quarterHours.read(person, site, from, to, interval);
        var versions = tariffs.versionsOf(site);
        if (versions.isEmpty()) {
            throw ApiProblem.notFound(
                    "insights:tariff.not-found",
                    "Site %s has no tariff to price its energy with. Add one with PUT /api/v1/sites/%s/tariffs."
                            .formatted(site, site));
        }
        var currency = Currency.getInstance(versions.getFirst().currency());
        var pricing = new Pricing(versions, read.site().timeZone());
        var intervals = new ArrayList<CostInterval>(read.periods().size());
        var total = Pricing.Amounts.NONE;
        long totalImport = 0;
        long totalExport = 0;
        for (var period : read.periods()) {
            var amounts = Pricing.Amounts.NONE;
            long imported = 0;
            long exported = 0;
            for (var quarter : period.quarters()) {
                amounts = amounts.plus(pricing.price(quarter));
                imported += quarter.gridImportWh();
                exported += quarter.gridExportWh();
            }
            intervals.add(rounded(period.start(), period.end(), imported, exported, amounts, currency));
            total = total.plus(amounts);
            totalImport += imported;
            totalExport += exported;
        }
        var start = intervals.isEmpty() ? read.from() : intervals.getFirst().start();
        var end = intervals.isEmpty() ? read.to() : intervals.getLast().end();
        return new SiteCosts(
                currency.getCurrencyCode(), intervals, rounded(start, end, totalImport, totalExport, total, currency));
    }

    private static CostInterval rounded(
            Instant start, Instant end, long imported, long exported, Pricing.Amounts amounts, Currency currency) {
        return new CostInterval(
                start,
                end,
                imported,
                exported,
                round(amounts.importCost(), currency),
                round(amounts.exportRevenue(), currency),
                round(amounts.fixedCharge(), currency),
                round(amounts.net(), currency));
    }

    /** Half to even, to the currency's minor unit (2 decimals for EUR, 0 for JPY; 2 where ISO 4217 has none). */
    static BigDecimal round(BigDecimal amount, Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return amount.setScale(digits < 0 ? 2 : digits, RoundingMode.HALF_EVEN);
    }
}
