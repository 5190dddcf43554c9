package org.gridvault.telemetry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridvault.devices.DeviceId;
import org.gridvault.privacy.WithoutDisclosure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rolls up a batch of queued ranges, many devices at once: recomputes the 5-minute buckets the new readings affect
 * (see {@link Recomputation}), then the 15-minute, hourly, local-day and local-month buckets that contain those. Each
 * step is one statement (or a few) for a hundred devices ({@code gridvault.telemetry.rollups.devices-per-statement}),
 * not one per device: with a thousand devices reporting every few seconds, per-device statements cost more than the
 * readings themselves (ADR 19).
 *
 * <p>A device with several separate ranges in the batch has them rolled up in rounds, the first range of every device
 * in the first round and so on, so that each statement sees each device once and a later range starts from what the
 * earlier one recorded, exactly as if the ranges had been rolled up one after another. Runs inside the caller's
 * transaction, with the devices locked.
 */
@WithoutDisclosure("Turns stored samples into stored rollups; no person receives any data here")
@Component
class BatchRollup {

    private static final Logger log = LoggerFactory.getLogger(BatchRollup.class);

    private final Samples samples;
    private final ReportedMetrics reportedMetrics;
    private final RollupTiers tiers;
    private final DeviceContexts contexts;
    private final RollupProperties properties;
    private final JdbcTemplate template;

    BatchRollup(
            Samples samples,
            ReportedMetrics reportedMetrics,
            RollupTiers tiers,
            DeviceContexts contexts,
            RollupProperties properties,
            JdbcTemplate template) {
        this.samples = samples;
        this.reportedMetrics = reportedMetrics;
        this.tiers = tiers;
        this.contexts = contexts;
        this.properties = properties;
        this.template = template;
    }

    /**
     * Rolls up each device's ranges (oldest first, not overlapping), {@code devices-per-statement} devices at a time:
     * a step holds all readings of its devices' spans in memory.
     */
    void rollUp(Map<DeviceId, List<QueuedRanges.Range>> ranges) {
        if (ranges.isEmpty()) {
            return;
        }
        // A statement over a thousand devices' windows is estimated expensive enough for PostgreSQL to compile it
        // (JIT), which costs more CPU than running it: measured, it more than cancelled what batching saved.
        template.execute("set local jit = off");
        var chunk = new LinkedHashMap<DeviceId, List<QueuedRanges.Range>>();
        for (var entry : ranges.entrySet()) {
            chunk.put(entry.getKey(), entry.getValue());
            if (chunk.size() == properties.devicesPerStatement()) {
                rollUpTogether(chunk);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            rollUpTogether(chunk);
        }
    }

    private void rollUpTogether(Map<DeviceId, List<QueuedRanges.Range>> ranges) {
        var context = contexts.of(ranges.keySet());
        ranges.keySet().stream()
                .filter(device -> !context.containsKey(device))
                .forEach(device -> log.warn(
                        "Rolling up samples of device {}, which no site has: its days and months are left out",
                        device));
        var reported = new HashMap<>(reportedMetrics.of(ranges.keySet()));
        for (int round = 0; ; round++) {
            var requests = new ArrayList<Recomputation.Request>();
            for (var entry : ranges.entrySet()) {
                if (entry.getValue().size() > round) {
                    var device = entry.getKey();
                    var range = entry.getValue().get(round);
                    var found = context.get(device);
                    requests.add(new Recomputation.Request(
                            device,
                            range.from(),
                            range.to(),
                            reported.getOrDefault(device, Set.of()),
                            found == null ? Map.of() : found.energyFromPower()));
                }
            }
            if (requests.isEmpty()) {
                return;
            }
            var results = Recomputation.of(requests, properties.maxPowerGap(), samples);
            write(results, context);
            results.forEach(result -> reported.put(result.device(), result.reported()));
        }
    }

    private void write(List<Recomputation.Result> results, Map<DeviceId, DeviceContexts.DeviceContext> context) {
        var newlyReported = new HashMap<DeviceId, Set<Metric>>();
        var spans = new ArrayList<DeviceWindow>();
        var days = new ArrayList<RollupTiers.DevicePeriod>();
        var months = new ArrayList<RollupTiers.DevicePeriod>();
        for (var result : results) {
            newlyReported.put(result.device(), result.reported());
            spans.add(new DeviceWindow(result.device(), result.start(), result.end()));
            var found = context.get(result.device());
            if (found != null) {
                for (var day : SiteCalendar.days(found.zone(), result.start(), result.end())) {
                    days.add(new RollupTiers.DevicePeriod(result.device(), day));
                }
                for (var month : SiteCalendar.months(found.zone(), result.start(), result.end())) {
                    months.add(new RollupTiers.DevicePeriod(result.device(), month));
                }
            }
        }
        reportedMetrics.add(newlyReported);
        tiers.writeFiveMinutes(results);
        tiers.cascade(Resolution.FIFTEEN_MINUTES, spans);
        tiers.cascade(Resolution.HOUR, spans);
        tiers.writeDays(days);
        tiers.writeMonths(months);
    }
}
