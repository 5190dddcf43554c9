package org.gridvault.telemetry;

import java.time.Instant;
import org.gridvault.devices.DeviceCatalog;
import org.gridvault.devices.DeviceId;
import org.gridvault.privacy.WithoutDisclosure;
import org.gridvault.sites.SiteTimeZoneChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a site's daily and monthly rollups when its time zone changes: its days now begin at other instants. The
 * UTC tiers (5 minutes to an hour) do not depend on the zone, so the local days and months are rebuilt from them,
 * not from the raw samples. Each device is rebuilt in its own transaction, holding the same lock as the rollup worker
 * so the worker cannot write a day in the old zone in between.
 */
@WithoutDisclosure("Recomputes stored rollups of a site from stored rollups; no person receives any data here")
@Component
class LocalCalendarRebuild {

    private static final Logger log = LoggerFactory.getLogger(LocalCalendarRebuild.class);

    private final DeviceCatalog devices;
    private final RollupQueue queue;
    private final RollupTiers tiers;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    LocalCalendarRebuild(
            DeviceCatalog devices,
            RollupQueue queue,
            RollupTiers tiers,
            JdbcClient jdbc,
            TransactionTemplate transactions) {
        this.devices = devices;
        this.queue = queue;
        this.tiers = tiers;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** After the change is committed: the rollup worker reads the new zone from then on. */
    @TransactionalEventListener
    void onTimeZoneChanged(SiteTimeZoneChanged change) {
        for (var device : devices.ofSite(change.siteId())) {
            transactions.executeWithoutResult(status -> rebuild(device.id(), change));
        }
        log.info(
                "Rebuilt the days and months of site {} for time zone {}",
                change.siteId().value(),
                change.to());
    }

    private void rebuild(DeviceId device, SiteTimeZoneChanged change) {
        queue.lock(device);
        for (var tier : new Resolution[] {Resolution.DAY, Resolution.MONTH}) {
            jdbc.sql("delete from telemetry." + tier.table() + " where device_id = :device")
                    .param("device", device.value())
                    .update();
        }
        var range = jdbc.sql("""
                        select min(bucket_start) as first, max(bucket_start) as last
                        from telemetry.rollup_5m where device_id = :device
                        """)
                .param("device", device.value())
                .query((row, index) -> row.getTimestamp("first") == null
                        ? null
                        : new Instant[] {
                            row.getTimestamp("first").toInstant(),
                            row.getTimestamp("last").toInstant().plus(Recomputation.BUCKET)
                        })
                .single();
        if (range == null) {
            return;
        }
        tiers.writeDays(SiteCalendar.days(change.to(), range[0], range[1]).stream()
                .map(day -> new RollupTiers.DevicePeriod(device, day))
                .toList());
        tiers.writeMonths(SiteCalendar.months(change.to(), range[0], range[1]).stream()
                .map(month -> new RollupTiers.DevicePeriod(device, month))
                .toList());
    }
}
