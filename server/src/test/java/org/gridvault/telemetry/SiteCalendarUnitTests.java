package org.gridvault.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SiteCalendarUnitTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void givesDaylightSavingDaysTwentyThreeAndTwentyFiveHours() {
        var spring = SiteCalendar.days(BERLIN, instant("2026-03-29T12:00:00Z"), instant("2026-03-29T12:00:01Z"));
        var autumn = SiteCalendar.days(BERLIN, instant("2026-10-25T12:00:00Z"), instant("2026-10-25T12:00:01Z"));

        assertThat(spring).singleElement().satisfies(day -> {
            assertThat(day.date()).isEqualTo(LocalDate.parse("2026-03-29"));
            assertThat(Duration.between(day.start(), day.end())).isEqualTo(Duration.ofHours(23));
        });
        assertThat(autumn)
                .singleElement()
                .satisfies(day ->
                        assertThat(Duration.between(day.start(), day.end())).isEqualTo(Duration.ofHours(25)));
    }

    @Test
    void listsTheDaysAndMonthsASpanOverlaps() {
        var days = SiteCalendar.days(BERLIN, instant("2026-03-31T21:55:00Z"), instant("2026-03-31T22:05:00Z"));
        var months = SiteCalendar.months(BERLIN, instant("2026-03-31T21:55:00Z"), instant("2026-03-31T22:05:00Z"));

        assertThat(days)
                .extracting(SiteCalendar.Period::date)
                .containsExactly(LocalDate.parse("2026-03-31"), LocalDate.parse("2026-04-01"));
        assertThat(months)
                .extracting(SiteCalendar.Period::start)
                .containsExactly(instant("2026-02-28T23:00:00Z"), instant("2026-03-31T22:00:00Z"));
    }

    @Test
    void buildsDaysFromTheCoarsestTierThatNestsInThem() {
        var berlin = day("Europe/Berlin");
        var kolkata = day("Asia/Kolkata");
        var kathmandu = day("Asia/Kathmandu");

        assertThat(SiteCalendar.finestNestingTier(berlin.start(), berlin.end())).isEqualTo(Resolution.HOUR);
        assertThat(SiteCalendar.finestNestingTier(kolkata.start(), kolkata.end()))
                .isEqualTo(Resolution.FIFTEEN_MINUTES);
        assertThat(SiteCalendar.finestNestingTier(kathmandu.start(), kathmandu.end()))
                .isEqualTo(Resolution.FIFTEEN_MINUTES);
    }

    @Test
    void startsADayWhoseMidnightDoesNotExistAtTheFirstLocalTimeThatDoes() {
        var day = SiteCalendar.dayStart(LocalDate.parse("2026-09-06"), ZoneId.of("America/Santiago"));

        assertThat(day).isEqualTo(instant("2026-09-06T04:00:00Z"));
    }

    @Test
    void startsIntervalsWithinTheRangeOnly() {
        var zone = ZoneId.of("Asia/Kathmandu");

        var quarters = Resolution.FIFTEEN_MINUTES.starts(
                instant("2026-03-29T10:07:00Z"), instant("2026-03-29T10:45:00Z"), zone, 100);
        var days = Resolution.DAY.starts(instant("2026-03-28T18:15:00Z"), instant("2026-03-30T18:15:00Z"), zone, 100);
        var capped = Resolution.HOUR.starts(instant("2026-03-29T00:00:00Z"), instant("2026-03-30T00:00:00Z"), zone, 5);

        assertThat(quarters).containsExactly(instant("2026-03-29T10:15:00Z"), instant("2026-03-29T10:30:00Z"));
        assertThat(days).containsExactly(instant("2026-03-28T18:15:00Z"), instant("2026-03-29T18:15:00Z"));
        assertThat(capped).hasSize(6);
    }

    private static SiteCalendar.Period day(String zone) {
        return SiteCalendar.days(ZoneId.of(zone), instant("2026-03-29T12:00:00Z"), instant("2026-03-29T12:00:01Z"))
                .getFirst();
    }

    private static Instant instant(String text) {
        return Instant.parse(text);
    }
}
