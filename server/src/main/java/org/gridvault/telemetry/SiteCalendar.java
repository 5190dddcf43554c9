package org.gridvault.telemetry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Calendar days and months in a site's time zone, as instants. A day runs from one local midnight to the next, so it
 * has 23 or 25 hours on daylight-saving changes; where a zone skips midnight itself, the day starts at the first
 * local time that exists.
 */
final class SiteCalendar {

    /** A local day or month and the instants it starts and ends at. */
    record Period(LocalDate date, Instant start, Instant end) {}

    private SiteCalendar() {}

    static Instant dayStart(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }

    static Instant monthStart(YearMonth month, ZoneId zone) {
        return dayStart(month.atDay(1), zone);
    }

    /** The local days that overlap {@code [from, to)}. */
    static List<Period> days(ZoneId zone, Instant from, Instant to) {
        var days = new ArrayList<Period>();
        for (var date = LocalDate.ofInstant(from, zone); dayStart(date, zone).isBefore(to); date = date.plusDays(1)) {
            days.add(new Period(date, dayStart(date, zone), dayStart(date.plusDays(1), zone)));
        }
        return days;
    }

    /** The local months that overlap {@code [from, to)}; {@link Period#date} is the first of the month. */
    static List<Period> months(ZoneId zone, Instant from, Instant to) {
        var months = new ArrayList<Period>();
        for (var month = YearMonth.from(LocalDate.ofInstant(from, zone));
                monthStart(month, zone).isBefore(to);
                month = month.plusMonths(1)) {
            months.add(new Period(month.atDay(1), monthStart(month, zone), monthStart(month.plusMonths(1), zone)));
        }
        return months;
    }

    /**
     * The coarsest UTC tier whose buckets nest in {@code [start, end)}: hours for zones with whole-hour offsets,
     * 15 minutes for offsets like +05:30 or +05:45, 5 minutes otherwise (only historical local mean times).
     */
    static Resolution finestNestingTier(Instant start, Instant end) {
        for (var tier : List.of(Resolution.HOUR, Resolution.FIFTEEN_MINUTES)) {
            long seconds = tier.fixedLength().toSeconds();
            if (start.getEpochSecond() % seconds == 0 && end.getEpochSecond() % seconds == 0) {
                return tier;
            }
        }
        return Resolution.FIVE_MINUTES;
    }
}
