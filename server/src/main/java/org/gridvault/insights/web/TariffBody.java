package org.gridvault.insights.web;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.gridvault.insights.PriceBand;
import org.gridvault.insights.Tariff;
import org.gridvault.problems.ApiProblem;
import org.jspecify.annotations.Nullable;

/**
 * A tariff version as sent to {@code PUT /api/v1/sites/{siteId}/tariffs}; dates, times and weekdays as text so that
 * a mistake gets a problem that names the field.
 */
record TariffBody(
        @Nullable String validFrom,
        @Nullable String currency,
        @Nullable BigDecimal importPricePerKwh,
        @Nullable List<Band> importBands,
        @Nullable BigDecimal exportPricePerKwh,
        @Nullable BigDecimal dailyCharge) {

    record Band(
            @Nullable List<String> days,
            @Nullable String from,
            @Nullable String to,
            @Nullable BigDecimal pricePerKwh) {}

    Tariff toTariff() {
        var bands = new ArrayList<PriceBand>();
        var sent = importBands == null ? List.<Band>of() : importBands;
        for (int i = 0; i < sent.size(); i++) {
            var band = sent.get(i);
            var field = "importBands[" + i + "]";
            bands.add(new PriceBand(
                    weekdays(band.days(), field + ".days"),
                    time(band.from(), field + ".from"),
                    time(band.to(), field + ".to"),
                    required(band.pricePerKwh(), field + ".pricePerKwh")));
        }
        return new Tariff(
                date(required(validFrom, "validFrom")),
                required(currency, "currency").strip(),
                required(importPricePerKwh, "importPricePerKwh"),
                bands,
                exportPricePerKwh == null ? BigDecimal.ZERO : exportPricePerKwh,
                dailyCharge == null ? BigDecimal.ZERO : dailyCharge);
    }

    private static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw ApiProblem.unprocessable(
                            "insights:tariff.field-missing",
                            "%s is missing. See docs/energy-flows.md for the fields of a tariff.".formatted(field))
                    .with("field", field);
        }
        return value;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.unprocessable(
                            "insights:tariff.date-invalid",
                            "validFrom '%s' is not a date such as 2026-01-01.".formatted(text))
                    .with("field", "validFrom");
        }
    }

    private static LocalTime time(@Nullable String text, String field) {
        var value = required(text, field).strip();
        if (value.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.unprocessable(
                            "insights:band.time-invalid",
                            "%s '%s' is not a time of day such as 07:00 or 21:45.".formatted(field, text))
                    .with("field", field);
        }
    }

    /** Weekdays by English name or its first three letters, in any case: MONDAY, monday, Mon. */
    private static EnumSet<DayOfWeek> weekdays(@Nullable List<String> names, String field) {
        var days = EnumSet.noneOf(DayOfWeek.class);
        for (var name : required(names, field)) {
            days.add(weekday(name, field));
        }
        return days;
    }

    private static DayOfWeek weekday(String name, String field) {
        var wanted = name.strip().toUpperCase(Locale.ROOT);
        for (var day : DayOfWeek.values()) {
            if (day.name().equals(wanted) || (wanted.length() == 3 && day.name().startsWith(wanted))) {
                return day;
            }
        }
        throw ApiProblem.unprocessable(
                        "insights:weekday.unknown",
                        "'%s' in %s is not a weekday. Use MONDAY ... SUNDAY (or MON ... SUN).".formatted(name, field))
                .with("field", field);
    }
}
