package org.gridvault.telemetry;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.gridvault.problems.ApiProblem;

/** Checks the time range, interval and size of a query, with problems that say what to send instead. */
final class QueryRanges {

    /** A resolved, non-empty range {@code [from, to)}. */
    record Range(Instant from, Instant to) {}

    private QueryRanges() {}

    static Range of(TimeBound from, TimeBound to, ZoneId zone) {
        var range = new Range(from.resolve(zone), to.resolve(zone));
        if (!range.from().isBefore(range.to())) {
            throw ApiProblem.unprocessable(
                    "telemetry:range.invalid",
                    "'from' (%s) must be before 'to' (%s); 'to' is exclusive.".formatted(range.from(), range.to()));
        }
        return range;
    }

    static Resolution resolution(String interval, Collection<Resolution> supported) {
        return Resolution.byWireName(interval)
                .filter(supported::contains)
                .orElseThrow(() -> ApiProblem.unprocessable(
                                "telemetry:interval.unsupported",
                                "Interval '%s' is not supported here. Use one of %s."
                                        .formatted(interval, names(supported)))
                        .with(
                                "supported",
                                supported.stream().map(Resolution::wireName).toList()));
    }

    /** The interval starts in the range; refused when there would be more than {@code limit}. */
    static List<Instant> starts(Resolution resolution, Range range, ZoneId zone, int limit) {
        var starts = resolution.starts(range.from(), range.to(), zone, limit);
        if (starts.size() > limit) {
            throw tooLarge(
                    "More than %d intervals of %s between %s and %s. Ask for a shorter range or a longer interval."
                            .formatted(limit, resolution.wireName(), range.from(), range.to()),
                    limit);
        }
        return starts;
    }

    static ApiProblem tooLarge(String message, int limit) {
        return ApiProblem.unprocessable("telemetry:range.too-large", message).with("limit", limit);
    }

    private static String names(Collection<Resolution> resolutions) {
        return resolutions.stream().map(Resolution::wireName).collect(Collectors.joining(", "));
    }
}
