package org.gridvault.insights;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One version of a site's electricity tariff. It applies from {@code validFrom} (a local date in the site's time
 * zone) until the next version's {@code validFrom}; a new version never changes the cost of the days before it.
 *
 * @param currency ISO 4217 code; every version of a site has the same currency
 * @param importPricePerKwh the import price where no band applies (the flat price when there are no bands)
 * @param importBands time-of-use import prices by local weekday and time of day; they do not overlap
 * @param exportPricePerKwh what exported energy earns per kWh
 * @param dailyCharge the fixed charge per local day, spread evenly over the day's quarter hours
 */
public record Tariff(
        LocalDate validFrom,
        String currency,
        BigDecimal importPricePerKwh,
        List<PriceBand> importBands,
        BigDecimal exportPricePerKwh,
        BigDecimal dailyCharge) {

    public Tariff {
        importBands = List.copyOf(importBands);
    }

    /** The import price per kWh at a local weekday and time of day. */
    public BigDecimal importPriceAt(DayOfWeek day, LocalTime time) {
        for (var band : importBands) {
            if (band.covers(day, time)) {
                return band.pricePerKwh();
            }
        }
        return importPricePerKwh;
    }
}
