package org.gridvault.telemetry;

import java.time.Instant;
import java.util.Map;
import org.gridvault.devices.DeviceId;
import org.gridvault.privacy.WithoutDisclosure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rolls up one device's new readings in one time range: recomputes the 5-minute buckets they affect (see {@link
 * Recomputation}), then the 15-minute, hourly, local-day and local-month buckets that contain those. Runs inside the
 * caller's transaction, with the device locked.
 */
@WithoutDisclosure("Turns stored samples into stored rollups; no person receives any data here")
@Component
class DeviceRollup {

    private static final Logger log = LoggerFactory.getLogger(DeviceRollup.class);

    private final Samples samples;
    private final ReportedMetrics reportedMetrics;
    private final RollupTiers tiers;
    private final DeviceContexts contexts;
    private final RollupProperties properties;

    DeviceRollup(
            Samples samples,
            ReportedMetrics reportedMetrics,
            RollupTiers tiers,
            DeviceContexts contexts,
            RollupProperties properties) {
        this.samples = samples;
        this.reportedMetrics = reportedMetrics;
        this.tiers = tiers;
        this.contexts = contexts;
        this.properties = properties;
    }

    void rollUp(DeviceId device, Instant from, Instant to) {
        var context = contexts.of(device);
        if (context.isEmpty()) {
            log.warn("Rolling up samples of device {}, which no site has: its days and months are left out", device);
        }
        var result = Recomputation.of(
                device,
                from,
                to,
                reportedMetrics.of(device),
                context.map(DeviceContexts.DeviceContext::energyFromPower).orElse(Map.of()),
                properties.maxPowerGap(),
                samples);
        if (result.isEmpty()) {
            return;
        }
        var span = result.get();
        reportedMetrics.add(device, span.reported());
        tiers.writeFiveMinutes(device, span.energyMetrics(), span.buckets());
        tiers.cascade(Resolution.FIFTEEN_MINUTES, device, span.start(), span.end());
        tiers.cascade(Resolution.HOUR, device, span.start(), span.end());
        context.ifPresent(found -> {
            var days = SiteCalendar.days(found.zone(), span.start(), span.end());
            for (var day : days) {
                tiers.writeCalendar(
                        Resolution.DAY, SiteCalendar.finestNestingTier(day.start(), day.end()), device, day);
            }
            for (var month : SiteCalendar.months(found.zone(), span.start(), span.end())) {
                tiers.writeCalendar(Resolution.MONTH, Resolution.DAY, device, month);
            }
        });
    }
}
