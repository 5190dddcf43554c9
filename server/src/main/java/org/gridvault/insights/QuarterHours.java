package org.gridvault.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.gridvault.accounts.PersonId;
import org.gridvault.problems.ApiProblem;
import org.gridvault.sites.Site;
import org.gridvault.sites.SiteAccess;
import org.gridvault.sites.SiteId;
import org.gridvault.sites.SitePermission;
import org.gridvault.telemetry.EnergyInterval;
import org.gridvault.telemetry.QueryProperties;
import org.gridvault.telemetry.Resolution;
import org.gridvault.telemetry.SiteEnergy;
import org.gridvault.telemetry.TimeBound;
import org.springframework.stereotype.Component;

/**
 * Reads a site's energy per quarter hour for the intervals of a flow or cost query. Flows and prices are worked out
 * per quarter hour (where time-of-use bands and battery timing make a difference) and summed into the requested
 * intervals, so every interval must consist of whole quarter hours: true of UTC hours and of local days and months
 * in every zone whose offset is a multiple of 15 minutes (all current ones).
 *
 * <p>Telemetry answers at most {@link QueryProperties#maxPoints()} intervals per query, so longer ranges are read in
 * several queries, each of which telemetry checks (and, for someone other than the owner, records as a disclosure).
 */
@Component
class QuarterHours {

    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final EnumSet<Resolution> SUPPORTED =
            EnumSet.of(Resolution.FIFTEEN_MINUTES, Resolution.HOUR, Resolution.DAY, Resolution.MONTH);

    /** One requested interval and its quarter hours, oldest first. */
    record Period(Instant start, Instant end, List<EnergyInterval> quarters) {}

    /** The site, the resolved range and its periods. */
    record Read(Site site, Instant from, Instant to, List<Period> periods) {}

    private final SiteAccess access;
    private final SiteEnergy energy;
    private final QueryProperties queries;
    private final InsightsProperties properties;

    QuarterHours(SiteAccess access, SiteEnergy energy, QueryProperties queries, InsightsProperties properties) {
        this.access = access;
        this.energy = energy;
        this.queries = queries;
        this.properties = properties;
    }

    Read read(PersonId person, SiteId siteId, TimeBound fromBound, TimeBound toBound, String interval) {
        var site = access.require(person, siteId, SitePermission.VIEW).site();
        var zone = site.timeZone();
        var resolution = resolution(interval);
        var from = fromBound.resolve(zone);
        var to = toBound.resolve(zone);
        if (!from.isBefore(to)) {
            throw ApiProblem.unprocessable(
                    "insights:range.invalid",
                    "'from' (%s) must be before 'to' (%s); 'to' is exclusive.".formatted(from, to));
        }
        if (Duration.between(from, to).compareTo(properties.maxRange()) > 0) {
            throw tooLarge();
        }
        var starts = starts(resolution, from, to, zone);
        if (starts.isEmpty()) {
            return new Read(site, from, to, List.of());
        }
        if (starts.size() > queries.maxPoints()) {
            throw tooLarge();
        }
        var end = next(resolution, starts.getLast(), zone);
        var quarters = quarters(person, siteId, starts.getFirst(), end);
        var periods = new ArrayList<Period>(starts.size());
        int next = 0;
        for (var start : starts) {
            var periodEnd = next(resolution, start, zone);
            var inPeriod = new ArrayList<EnergyInterval>();
            while (next < quarters.size() && quarters.get(next).start().isBefore(periodEnd)) {
                inPeriod.add(quarters.get(next++));
            }
            periods.add(new Period(start, periodEnd, inPeriod));
        }
        return new Read(site, from, to, periods);
    }

    private ApiProblem tooLarge() {
        return ApiProblem.unprocessable(
                        "insights:range.too-large",
                        "Flows and costs cover at most %d days and %d intervals per request. Ask for a shorter range or a longer interval."
                                .formatted(properties.maxRange().toDays(), queries.maxPoints()))
                .with("maxDays", properties.maxRange().toDays())
                .with("limit", queries.maxPoints());
    }

    private List<EnergyInterval> quarters(PersonId person, SiteId site, Instant from, Instant to) {
        var chunk = QUARTER.multipliedBy(queries.maxPoints());
        var quarters = new ArrayList<EnergyInterval>();
        for (var start = from; start.isBefore(to); start = start.plus(chunk)) {
            var end = start.plus(chunk).isBefore(to) ? start.plus(chunk) : to;
            quarters.addAll(energy.energy(
                    person,
                    site,
                    new TimeBound(start, null),
                    new TimeBound(end, null),
                    Resolution.FIFTEEN_MINUTES.wireName()));
        }
        return quarters;
    }

    private static Resolution resolution(String interval) {
        return Resolution.byWireName(interval)
                .filter(SUPPORTED::contains)
                .orElseThrow(() -> ApiProblem.unprocessable(
                                "insights:interval.unsupported",
                                "Interval '%s' is not supported here. Use one of %s."
                                        .formatted(
                                                interval,
                                                SUPPORTED.stream()
                                                        .map(Resolution::wireName)
                                                        .collect(Collectors.joining(", "))))
                        .with(
                                "supported",
                                SUPPORTED.stream().map(Resolution::wireName).toList()));
    }

    /** The starts of the intervals that start within {@code [from, to)}; days and months in the site's zone. */
    private static List<Instant> starts(Resolution resolution, Instant from, Instant to, ZoneId zone) {
        var first = switch (resolution) {
            case DAY -> LocalDate.ofInstant(from, zone).atStartOfDay(zone).toInstant();
            case MONTH ->
                YearMonth.from(LocalDate.ofInstant(from, zone))
                        .atDay(1)
                        .atStartOfDay(zone)
                        .toInstant();
            default -> {
                long width = fixedSeconds(resolution);
                yield Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), width) * width);
            }
        };
        if (first.isBefore(from)) {
            first = next(resolution, first, zone);
        }
        var starts = new ArrayList<Instant>();
        for (var start = first; start.isBefore(to); start = next(resolution, start, zone)) {
            starts.add(start);
        }
        return starts;
    }

    private static Instant next(Resolution resolution, Instant start, ZoneId zone) {
        return switch (resolution) {
            case DAY ->
                LocalDate.ofInstant(start, zone).plusDays(1).atStartOfDay(zone).toInstant();
            case MONTH ->
                YearMonth.from(LocalDate.ofInstant(start, zone))
                        .plusMonths(1)
                        .atDay(1)
                        .atStartOfDay(zone)
                        .toInstant();
            default -> start.plusSeconds(fixedSeconds(resolution));
        };
    }

    private static long fixedSeconds(Resolution resolution) {
        return resolution == Resolution.HOUR ? 3_600 : 900;
    }
}
