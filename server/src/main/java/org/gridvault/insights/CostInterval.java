package org.gridvault.insights;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a site's grid energy cost and earned in one interval {@code [start, end)} (or a whole period), in the
 * currency of its tariff. Amounts are computed exactly per quarter hour, summed, and rounded once to the currency's
 * minor unit (half to even), so rounded intervals may differ from the rounded total by a minor unit; {@code net} is
 * rounded from the exact net, not computed from the rounded parts (see docs/energy-flows.md).
 *
 * @param gridImportWh the energy imported (priced or not)
 * @param gridExportWh the energy exported (priced or not)
 * @param importCost import energy times the import price in force at each quarter hour
 * @param exportRevenue export energy times the export price
 * @param fixedCharge the share of the daily fixed charges of the days in force during the interval
 * @param net {@code importCost + fixedCharge - exportRevenue}
 */
public record CostInterval(
        Instant start,
        Instant end,
        long gridImportWh,
        long gridExportWh,
        BigDecimal importCost,
        BigDecimal exportRevenue,
        BigDecimal fixedCharge,
        BigDecimal net) {}
