package org.gridvault.insights;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * An import price that applies on some weekdays between two local times of day, in the site's time zone.
 *
 * @param days the weekdays it applies on (at least one), kept in weekday order
 * @param from the local time it starts at, on a quarter hour
 * @param to the local time it ends at (exclusive), on a quarter hour; {@code 00:00} means midnight at the end of the
 *     day. A band does not run across midnight: split it into two.
 * @param pricePerKwh the import price per kWh in the tariff's currency
 */
public record PriceBand(
        Set<DayOfWeek> days,
        @JsonFormat(pattern = "HH:mm") LocalTime from,
        @JsonFormat(pattern = "HH:mm") LocalTime to,
        BigDecimal pricePerKwh) {

    public PriceBand {
        var ordered = EnumSet.noneOf(DayOfWeek.class);
        ordered.addAll(days);
        days = Collections.unmodifiableSet(ordered);
    }

    /** Whether the band covers this local weekday and time of day. */
    boolean covers(DayOfWeek day, LocalTime time) {
        return days.contains(day) && !time.isBefore(from) && (to.equals(LocalTime.MIDNIGHT) || time.isBefore(to));
    }

    /** Minutes since midnight at which it ends, 1440 for midnight. */
    int endMinute() {
        return to.equals(LocalTime.MIDNIGHT) ? 24 * 60 : to.getHour() * 60 + to.getMinute();
    }

    int startMinute() {
        return from.getHour() * 60 + from.getMinute();
    }
}
