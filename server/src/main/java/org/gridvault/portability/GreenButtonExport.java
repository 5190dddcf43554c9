package org.gridvault.portability;

import java.time.Clock;
import java.time.Duration;
import org.gridvault.accounts.PersonId;
import org.gridvault.devices.DeviceKind;
import org.gridvault.privacy.PersonalDataExported;
import org.gridvault.problems.ApiProblem;
import org.gridvault.sites.SiteAccess;
import org.gridvault.sites.SiteId;
import org.gridvault.sites.SitePermission;
import org.gridvault.telemetry.MeterIntervals;
import org.gridvault.telemetry.TimeBound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Exports a site's grid-meter energy as a Green Button feed (promise P28; see docs/privacy/green-button.md).
 * {@link #prepare} checks everything a caller can get wrong (access, range, interval) before a byte is written, so
 * mistakes are problem details, not half a feed; the returned {@link GreenButtonFeed} then streams.
 */
@Service
public class GreenButtonExport {

    /** The longest range one feed covers: five years of 15-minute values are 175,000 readings per direction. */
    static final Duration MAX_RANGE = Duration.ofDays(5 * 366);

    private final SiteAccess access;
    private final MeterIntervals intervals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GreenButtonExport(SiteAccess access, MeterIntervals intervals, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.intervals = intervals;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The feed of the site's grid meters for {@code [from, to)}.
     *
     * @param from an instant or a date (the local midnight in the site's zone)
     * @param interval {@code PT15M} or {@code PT1H}
     */
    public GreenButtonFeed prepare(PersonId person, SiteId siteId, String from, String to, String interval) {
        var site = access.require(person, siteId, SitePermission.VIEW);
        var zone = site.site().timeZone();
        var start = TimeBound.parse(from, "from").resolve(zone);
        var end = TimeBound.parse(to, "to").resolve(zone);
        MeterIntervals.intervalLength(interval);
        if (!start.isBefore(end)) {
            throw ApiProblem.unprocessable(
                    "portability:range.invalid", "'from' must be before 'to'. Swap them or widen the range.");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ApiProblem.unprocessable(
                            "portability:range.too-large",
                            "One Green Button feed covers at most five years. Ask for several shorter ranges.")
                    .with("limit", "P1830D");
        }
        var now = clock.instant();
        events.publishEvent(new PersonalDataExported(person.subject(), "greenbutton", now));
        return new GreenButtonFeed(
                site, intervals.meters(site, DeviceKind.GRID_METER), intervals, interval, start, end, now);
    }
}
