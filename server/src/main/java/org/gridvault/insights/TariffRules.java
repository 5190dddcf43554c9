package org.gridvault.insights;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.gridvault.problems.ApiProblem;

/** What a tariff version must be: a known currency, prices that fit, bands on quarter hours that do not overlap. */
final class TariffRules {

    /** Prices have at most 6 decimals and are below a million per kWh or day (the stored numeric(12, 6)). */
    static final int PRICE_DECIMALS = 6;

    private static final BigDecimal PRICE_LIMIT = BigDecimal.valueOf(1_000_000);

    private TariffRules() {}

    static void check(Tariff tariff) {
        currency(tariff.currency());
        price(tariff.importPricePerKwh(), "importPricePerKwh");
        price(tariff.exportPricePerKwh(), "exportPricePerKwh");
        price(tariff.dailyCharge(), "dailyCharge");
        var bands = tariff.importBands();
        for (int i = 0; i < bands.size(); i++) {
            band(bands.get(i), "importBands[" + i + "]");
        }
        overlaps(bands);
    }

    /** The currency of an ISO 4217 code such as EUR; refused when unknown or not upper case. */
    static Currency currency(String code) {
        try {
            if (code.equals(code.toUpperCase(Locale.ROOT))) {
                return Currency.getInstance(code);
            }
        } catch (IllegalArgumentException unknown) {
            // refused below
        }
        throw ApiProblem.unprocessable(
                        "insights:currency.unknown",
                        "'%s' is not an ISO 4217 currency code. Use three capital letters such as EUR, CHF or SGD."
                                .formatted(code))
                .with("field", "currency");
    }

    private static void price(BigDecimal price, String field) {
        if (price.signum() < 0) {
            throw ApiProblem.unprocessable(
                            "insights:price.negative",
                            "%s is %s; prices and charges are zero or more.".formatted(field, price.toPlainString()))
                    .with("field", field);
        }
        if (price.stripTrailingZeros().scale() > PRICE_DECIMALS || price.compareTo(PRICE_LIMIT) >= 0) {
            throw ApiProblem.unprocessable(
                            "insights:price.invalid",
                            "%s is %s; give at most %d decimals and less than %s."
                                    .formatted(field, price.toPlainString(), PRICE_DECIMALS, PRICE_LIMIT))
                    .with("field", field);
        }
    }

    private static void band(PriceBand band, String field) {
        price(band.pricePerKwh(), field + ".pricePerKwh");
        if (band.days().isEmpty()) {
            throw ApiProblem.unprocessable(
                            "insights:band.days-missing",
                            "%s applies on no weekday. List at least one, such as [\"MONDAY\", \"TUESDAY\"]."
                                    .formatted(field))
                    .with("field", field + ".days");
        }
        if (band.startMinute() % 15 != 0
                || band.endMinute() % 15 != 0
                || band.from().getSecond() != 0
                || band.from().getNano() != 0
                || band.to().getSecond() != 0
                || band.to().getNano() != 0) {
            throw ApiProblem.unprocessable(
                            "insights:band.time-invalid",
                            "%s runs from %s to %s; bands start and end on a quarter hour (such as 07:00 or 21:45)."
                                    .formatted(field, band.from(), band.to()))
                    .with("field", field);
        }
        if (band.startMinute() >= band.endMinute()) {
            throw ApiProblem.unprocessable(
                            "insights:band.time-invalid",
                            "%s runs from %s to %s; 'from' must be before 'to' (00:00 as 'to' is midnight at the end of the day). Split a band across midnight into two."
                                    .formatted(field, band.from(), band.to()))
                    .with("field", field);
        }
    }

    private static void overlaps(List<PriceBand> bands) {
        for (int i = 0; i < bands.size(); i++) {
            for (int j = i + 1; j < bands.size(); j++) {
                var a = bands.get(i);
                var b = bands.get(j);
                var shared =
                        a.days().stream().filter(b.days()::contains).sorted().findFirst();
                if (shared.isPresent() && a.startMinute() < b.endMinute() && b.startMinute() < a.endMinute()) {
                    throw overlap(i, j, shared.get());
                }
            }
        }
    }

    private static ApiProblem overlap(int first, int second, DayOfWeek day) {
        return ApiProblem.unprocessable(
                        "insights:band.overlap",
                        "importBands[%d] and importBands[%d] overlap on %s. Each local time of each weekday may have one band price at most."
                                .formatted(first, second, day))
                .with("bands", List.of(first, second));
    }
}
