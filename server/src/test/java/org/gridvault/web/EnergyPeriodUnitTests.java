package org.gridvault.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.gridvault.web.EnergyPeriod.Kind;
import org.junit.jupiter.api.Test;

class EnergyPeriodUnitTests {

    private static final LocalDate THURSDAY = LocalDate.of(2026, 3, 26);

    @Test
    void aWeekRunsFromMondayToSunday() {
        var week = EnergyPeriod.containing(Kind.WEEK, THURSDAY);

        assertThat(week.start()).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(week.end()).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(week.previous().start()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(week.next().start()).isEqualTo(LocalDate.of(2026, 3, 30));
    }

    @Test
    void monthsAndYearsStartOnTheirFirstDayAndStepByCalendar() {
        var february = EnergyPeriod.containing(Kind.MONTH, LocalDate.of(2028, 2, 29));

        assertThat(february.start()).isEqualTo(LocalDate.of(2028, 2, 1));
        assertThat(february.end()).isEqualTo(LocalDate.of(2028, 3, 1));
        assertThat(february.previous().start()).isEqualTo(LocalDate.of(2028, 1, 1));
        assertThat(EnergyPeriod.containing(Kind.YEAR, THURSDAY).end()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void chartsUseHoursForADayDaysForWeeksAndMonthsAndMonthsForAYear() {
        assertThat(EnergyPeriod.containing(Kind.DAY, THURSDAY).chartInterval()).isEqualTo("PT1H");
        assertThat(EnergyPeriod.containing(Kind.WEEK, THURSDAY).chartInterval()).isEqualTo("P1D");
        assertThat(EnergyPeriod.containing(Kind.MONTH, THURSDAY).chartInterval())
                .isEqualTo("P1D");
        assertThat(EnergyPeriod.containing(Kind.YEAR, THURSDAY).chartInterval()).isEqualTo("P1M");
    }

    @Test
    void anUnknownPeriodNameMeansADay() {
        assertThat(Kind.parse("fortnight")).isEqualTo(Kind.DAY);
        assertThat(Kind.parse(null)).isEqualTo(Kind.DAY);
        assertThat(Kind.parse("month")).isEqualTo(Kind.MONTH);
    }

    @Test
    void labelsAreInThePagesLanguage() {
        var march = EnergyPeriod.containing(Kind.MONTH, THURSDAY);

        assertThat(march.label(Locale.ENGLISH)).isEqualTo("March 2026");
        assertThat(march.label(Locale.CHINESE)).isEqualTo("三月 2026");
        assertThat(EnergyPeriod.containing(Kind.DAY, THURSDAY).contains(THURSDAY))
                .isTrue();
        assertThat(EnergyPeriod.containing(Kind.DAY, THURSDAY).contains(THURSDAY.plusDays(1)))
                .isFalse();
    }
}
