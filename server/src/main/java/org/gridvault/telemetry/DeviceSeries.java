package org.gridvault.telemetry;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.gridvault.accounts.PersonId;
import org.gridvault.devices.DeviceId;
import org.gridvault.devices.DeviceRegistry;
import org.gridvault.problems.ApiProblem;
import org.gridvault.sites.Site;
import org.gridvault.sites.SiteDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * One metric of one device over time: raw readings for short ranges, otherwise per interval from the rollup tier of
 * that interval (a year by day reads 365 rows, not millions of samples).
 *
 * <p>Gauges give {@link SeriesPoint.Gauge} (average per reading, minimum, maximum), counters give {@link
 * SeriesPoint.Energy} (the energy in each interval, not the counter's value). Only intervals with data are returned,
 * oldest first, so that gaps in a device's reporting stay visible. Intervals are those that start within {@code [from,
 * to)}. The caller must be able to see the device's site; otherwise the device does not exist for them (404). A
 * read by anyone but the owner goes through the privacy decision point (see {@link DeviceRegistry#device}).
 */
@Service
public class DeviceSeries {

    private static final EnumSet<Resolution> SUPPORTED = EnumSet.allOf(Resolution.class);

    private final DeviceRegistry registry;
    private final SiteDirectory sites;
    private final RollupReads rollups;
    private final Samples samples;
    private final QueryProperties properties;

    DeviceSeries(
            DeviceRegistry registry,
            SiteDirectory sites,
            RollupReads rollups,
            Samples samples,
            QueryProperties properties) {
        this.registry = registry;
        this.sites = sites;
        this.rollups = rollups;
        this.samples = samples;
        this.properties = properties;
    }

    /**
     * @param metricName a metric of the catalog, such as {@code power_w}
     * @param interval {@code PT5M}, {@code PT15M}, {@code PT1H}, {@code P1D} or {@code P1M}; absent for raw readings
     *     (ranges up to {@code gridvault.telemetry.queries.raw-max-range}, one day by default)
     */
    public List<SeriesPoint> series(
            PersonId person,
            DeviceId deviceId,
            String metricName,
            TimeBound from,
            TimeBound to,
            @Nullable String interval) {
        var device = registry.device(person, deviceId);
        var metric = Metric.byName(metricName.strip()).orElseThrow(() -> unknownMetric(metricName));
        var zone = sites.find(device.siteId()).map(Site::timeZone).orElse(ZoneOffset.UTC);
        var range = QueryRanges.of(from, to, zone);
        if (interval == null || interval.isBlank()) {
            return raw(deviceId, metric, range);
        }
        var resolution = QueryRanges.resolution(interval, SUPPORTED);
        QueryRanges.starts(resolution, range, zone, properties.maxPoints());
        return List.copyOf(
                metric.isCounter()
                        ? rollups.energy(resolution, deviceId, metric, range.from(), range.to())
                        : rollups.gauge(resolution, deviceId, metric, range.from(), range.to()));
    }

    private List<SeriesPoint> raw(DeviceId device, Metric metric, QueryRanges.Range range) {
        var maxRange = properties.rawMaxRange();
        if (Duration.between(range.from(), range.to()).compareTo(maxRange) > 0) {
            throw ApiProblem.unprocessable(
                            "telemetry:interval.required",
                            "Raw readings are served for ranges up to %s. Give an interval (%s) for longer ranges."
                                    .formatted(maxRange, Resolution.supported()))
                    .with("maxRawRange", maxRange.toString());
        }
        int limit = properties.maxRawPoints();
        var values = samples.values(device, metric, range.from(), range.to(), limit + 1);
        if (values.size() > limit) {
            throw QueryRanges.tooLarge(
                    "More than %d readings in this range. Ask for a shorter range or give an interval (%s)."
                            .formatted(limit, Resolution.supported()),
                    limit);
        }
        return values.stream()
                .map(value -> (SeriesPoint) new SeriesPoint.Raw(
                        value.ts(), metric.isCounter() ? value.value() : RollupReads.shortest((float) value.value())))
                .toList();
    }

    private static ApiProblem unknownMetric(String name) {
        var known = Arrays.stream(Metric.values()).map(Metric::wireName).toList();
        return ApiProblem.unprocessable(
                        "telemetry:metric.unknown",
                        "There is no metric '%s'. Use one of %s.".formatted(name, String.join(", ", known)))
                .with("supported", known);
    }
}
