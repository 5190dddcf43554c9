package org.gridvault.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The intervals telemetry is rolled up into and can be queried by, named as ISO-8601 durations. Minutes and hours
 * are UTC buckets (an hour in a zone at +05:30 runs from :30 to :30 local time); days and months are calendar days
 * and months in the site's time zone.
 */
public enum Resolution {
    FIVE_MINUTES("PT5M", "rollup_5m", Duration.ofMinutes(5)),
    FIFTEEN_MINUTES("PT15M", "rollup_15m", Duration.ofMinutes(15)),
    HOUR("PT1H", "rollup_1h", Duration.ofHours(1)),
    DAY("P1D", "rollup_day", null),
    MONTH("P1M", "rollup_month", null);

    private final String wireName;
    private final String table;
    private final @Nullable Duration fixedLength;

    Resolution(String wireName, String table, @Nullable Duration fixedLength) {
        this.wireName = wireName;
        this.table = table;
        this.fixedLength = fixedLength;
    }

    /** The name used in the API's {@code interval} parameter, such as {@code PT15M}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Resolution> byWireName(String name) {
        return Arrays.stream(values())
                .filter(resolution -> resolution.wireName.equals(name.strip().toUpperCase(Locale.ROOT)))
                .findFirst();
    }

    /** The supported names, for messages: "PT5M, PT15M, PT1H, P1D, P1M". */
    public static String supported() {
        return Arrays.stream(values()).map(Resolution::wireName).collect(Collectors.joining(", "));
    }

    boolean isCalendar() {
        return fixedLength == null;
    }

    String table() {
        return table;
    }

    Duration fixedLength() {
        if (fixedLength == null) {
            throw new IllegalStateException(wireName + " has no fixed length");
        }
        return fixedLength;
    }

    /**
     * The starts of the buckets that start within {@code [from, to)}, in order; stops after {@code limit + 1}, so
     * that a caller can tell a range that is too long.
     */
    List<Instant> starts(Instant from, Instant to, ZoneId zone, int limit) {
        var starts = new ArrayList<Instant>();
        switch (this) {
            case DAY -> {
                var date = LocalDate.ofInstant(from, zone);
                if (SiteCalendar.dayStart(date, zone).isBefore(from)) {
                    date = date.plusDays(1);
                }
                for (var start = SiteCalendar.dayStart(date, zone);
                        start.isBefore(to) && starts.size() <= limit;
                        date = date.plusDays(1), start = SiteCalendar.dayStart(date, zone)) {
                    starts.add(start);
                }
            }
            case MONTH -> {
                var month = YearMonth.from(LocalDate.ofInstant(from, zone));
                if (SiteCalendar.monthStart(month, zone).isBefore(from)) {
                    month = month.plusMonths(1);
                }
                for (var start = SiteCalendar.monthStart(month, zone);
                        start.isBefore(to) && starts.size() <= limit;
                        month = month.plusMonths(1), start = SiteCalendar.monthStart(month, zone)) {
                    starts.add(start);
                }
            }
            default -> {
                long width = fixedLength().toSeconds();
                long first = Math.floorDiv(from.getEpochSecond() + width - 1, width) * width;
                if (Instant.ofEpochSecond(first).isBefore(from)) {
                    first += width;
                }
                for (long start = first;
                        Instant.ofEpochSecond(start).isBefore(to) && starts.size() <= limit;
                        start += width) {
                    starts.add(Instant.ofEpochSecond(start));
                }
            }
        }
        return starts;
    }
}
