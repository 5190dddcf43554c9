package org.gridvault.telemetry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.gridvault.problems.ApiProblem;
import org.jspecify.annotations.Nullable;

/**
 * One end of a queried time range as the caller wrote it: an instant ({@code 2026-03-29T10:00:00Z} or with an offset,
 * {@code 2026-03-29T12:00:00+02:00}) or a calendar date ({@code 2026-03-29}), which means the local midnight that
 * starts that date in the site's time zone.
 *
 * <pre>{@code
 * var from = TimeBound.parse("2026-03-29", "from");
 * var instant = from.resolve(ZoneId.of("Europe/Berlin")); // 2026-03-28T23:00:00Z
 * }</pre>
 */
public record TimeBound(@Nullable Instant instant, @Nullable LocalDate date) {

    /** Parses a query parameter; a value that is neither an instant nor a date is refused with a 422. */
    public static TimeBound parse(String text, String parameter) {
        var value = text.strip();
        try {
            if (value.length() == 10) {
                return new TimeBound(null, LocalDate.parse(value));
            }
            return new TimeBound(OffsetDateTime.parse(value).toInstant(), null);
        } catch (DateTimeParseException e) {
            throw ApiProblem.unprocessable(
                            "telemetry:time.invalid",
                            "'%s' is neither an instant such as 2026-03-29T10:00:00Z nor a date such as 2026-03-29."
                                    .formatted(text))
                    .with("parameter", parameter);
        }
    }

    /** The instant this bound stands for, a date being the local midnight that starts it in {@code zone}. */
    public Instant resolve(ZoneId zone) {
        if (instant != null) {
            return instant;
        }
        if (date == null) {
            throw new IllegalStateException("A time bound has an instant or a date");
        }
        return SiteCalendar.dayStart(date, zone);
    }
}
