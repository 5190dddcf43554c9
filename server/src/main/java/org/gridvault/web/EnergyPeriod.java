package org.gridvault.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.gridvault.telemetry.TimeBound;
import org.jspecify.annotations.Nullable;

/**
 * A calendar period of a site's energy chart: a day, a week (Monday to Sunday), a month or a year, counted in the
 * site's time zone. {@code start} is its first day; the period ends where the next one starts.
 */
record EnergyPeriod(Kind kind, LocalDate start) {

    enum Kind {
        DAY("PT1H", "P1D"),
        WEEK("P1D", "P1D"),
        MONTH("P1D", "P1M"),
        YEAR("P1M", "P1M");

        /** The interval of the chart's bars, and the coarsest interval that still sums the period exactly. */
        private final String chartInterval;

        private final String totalInterval;

        Kind(String chartInterval, String totalInterval) {
            this.chartInterval = chartInterval;
            this.totalInterval = totalInterval;
        }

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind parse(@Nullable String name) {
            for (var kind : values()) {
                if (kind.wireName().equals(name)) {
                    return kind;
                }
            }
            return DAY;
        }
    }

    /** The period of {@code kind} that contains {@code day}. */
    static EnergyPeriod containing(Kind kind, LocalDate day) {
        return new EnergyPeriod(
                kind,
                switch (kind) {
                    case DAY -> day;
                    case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    case MONTH -> day.withDayOfMonth(1);
                    case YEAR -> day.withDayOfYear(1);
                });
    }

    /** The first day after the period. */
    LocalDate end() {
        return switch (kind) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case YEAR -> start.plusYears(1);
        };
    }

    EnergyPeriod previous() {
        return switch (kind) {
            case DAY -> new EnergyPeriod(kind, start.minusDays(1));
            case WEEK -> new EnergyPeriod(kind, start.minusWeeks(1));
            case MONTH -> new EnergyPeriod(kind, start.minusMonths(1));
            case YEAR -> new EnergyPeriod(kind, start.minusYears(1));
        };
    }

    EnergyPeriod next() {
        return new EnergyPeriod(kind, end());
    }

    /** Whether the period contains {@code day} (today: the chart is still filling up). */
    boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end());
    }

    TimeBound from() {
        return new TimeBound(null, start);
    }

    TimeBound to() {
        return new TimeBound(null, end());
    }

    String chartInterval() {
        return kind.chartInterval;
    }

    String totalInterval() {
        return kind.totalInterval;
    }

    /** How the period reads in the page's language: a date, a week's first and last day, a month, a year. */
    String label(Locale locale) {
        return switch (kind) {
            case DAY ->
                start.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale));
            case WEEK -> {
                var format =
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
                yield start.format(format) + " – " + end().minusDays(1).format(format);
            }
            case MONTH -> start.format(DateTimeFormatter.ofPattern("LLLL yyyy", locale));
            case YEAR -> String.valueOf(start.getYear());
        };
    }

    /** The label of one bar of the chart, starting at {@code day}'s local time {@code hour} for day charts. */
    static DateTimeFormatter barFormat(Kind kind, Locale locale) {
        return switch (kind) {
            case DAY -> DateTimeFormatter.ofPattern("HH:mm", locale);
            case WEEK -> DateTimeFormatter.ofPattern("EEE d", locale);
            case MONTH -> DateTimeFormatter.ofPattern("d", locale);
            case YEAR -> DateTimeFormatter.ofPattern("LLL", locale);
        };
    }
}
