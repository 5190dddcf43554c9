package org.gridvault.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.gridvault.telemetry.EnergyInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PricingUnitTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Tariff WEEKDAY_PEAK = new Tariff(
            LocalDate.of(2026, 1, 1),
            "EUR",
            new BigDecimal("0.25"),
            List.of(new PriceBand(
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    LocalTime.of(7, 0),
                    LocalTime.of(22, 0),
                    new BigDecimal("0.40"))),
            new BigDecimal("0.08"),
            new BigDecimal("0.45"));

    @ParameterizedTest
    @CsvSource({
        // Friday 2026-03-20, Berlin is UTC+1
        "2026-03-20T05:45:00Z, 0.2500", // 06:45 local: before the band
        "2026-03-20T06:00:00Z, 0.4000", // 07:00 local: the band starts
        "2026-03-20T20:45:00Z, 0.4000", // 21:45 local: the band's last quarter hour
        "2026-03-20T21:00:00Z, 0.2500", // 22:00 local: the band has ended
        "2026-03-21T10:00:00Z, 0.2500", // Saturday
    })
    void pricesImportByTheBandInForceAtTheLocalTimeOfTheQuarterHour(Instant start, BigDecimal cost) {
        var pricing = new Pricing(List.of(WEEKDAY_PEAK), BERLIN);

        var amounts = pricing.price(quarter(start, 1_000, 500));

        assertThat(amounts.importCost()).isEqualByComparingTo(cost);
        assertThat(amounts.exportRevenue()).isEqualByComparingTo("0.04");
    }

    @ParameterizedTest
    @CsvSource({"2026-03-29, 92", "2026-10-25, 100", "2026-06-01, 96"})
    void theQuarterHoursOfADayAddUpToExactlyItsFixedCharge(LocalDate date, int quarterHours) {
        var pricing = new Pricing(List.of(WEEKDAY_PEAK), BERLIN);
        var start = date.atStartOfDay(BERLIN).toInstant();
        var end = date.plusDays(1).atStartOfDay(BERLIN).toInstant();

        var sum = BigDecimal.ZERO;
        int count = 0;
        for (var t = start; t.isBefore(end); t = t.plus(Duration.ofMinutes(15))) {
            sum = sum.add(pricing.price(quarter(t, 0, 0)).fixedCharge());
            count++;
        }

        assertThat(count).isEqualTo(quarterHours);
        assertThat(sum).isEqualByComparingTo("0.45");
    }

    @Test
    void quarterHoursBeforeTheFirstVersionCostNothing() {
        var pricing = new Pricing(List.of(WEEKDAY_PEAK), BERLIN);

        var amounts = pricing.price(quarter(Instant.parse("2025-12-31T22:45:00Z"), 1_000, 1_000));

        assertThat(amounts).isEqualTo(Pricing.Amounts.NONE);
    }

    @Test
    void eachLocalDayIsPricedWithTheVersionInForceOnIt() {
        var cheaper = new Tariff(
                LocalDate.of(2026, 3, 21),
                "EUR",
                new BigDecimal("0.20"),
                List.of(),
                new BigDecimal("0.08"),
                new BigDecimal("0.45"));
        var pricing = new Pricing(List.of(WEEKDAY_PEAK, cheaper), BERLIN);

        // 2026-03-20T23:00Z is already 2026-03-21 in Berlin.
        var before = pricing.price(quarter(Instant.parse("2026-03-20T22:45:00Z"), 1_000, 0));
        var after = pricing.price(quarter(Instant.parse("2026-03-20T23:00:00Z"), 1_000, 0));

        assertThat(before.importCost()).isEqualByComparingTo("0.25");
        assertThat(after.importCost()).isEqualByComparingTo("0.20");
    }

    @Test
    void roundsToTheMinorUnitOfTheCurrencyHalfToEven() {
        assertThat(EnergyCosts.round(new BigDecimal("0.125"), java.util.Currency.getInstance("EUR")))
                .isEqualTo(new BigDecimal("0.12"));
        assertThat(EnergyCosts.round(new BigDecimal("0.135"), java.util.Currency.getInstance("EUR")))
                .isEqualTo(new BigDecimal("0.14"));
        assertThat(EnergyCosts.round(new BigDecimal("12.5"), java.util.Currency.getInstance("JPY")))
                .isEqualTo(new BigDecimal("12"));
    }

    private static EnergyInterval quarter(Instant start, long imported, long exported) {
        return new EnergyInterval(start, imported, exported, 0, 0, 0, 0, imported);
    }
}
