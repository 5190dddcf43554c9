package org.gridvault.telemetry;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.gridvault.database.Timestamps;
import org.gridvault.devices.DeviceCatalog;
import org.gridvault.devices.DeviceId;
import org.gridvault.privacy.WithoutDisclosure;
import org.gridvault.sites.SiteDirectory;
import org.gridvault.sites.SiteId;
import org.gridvault.sites.SiteTimeZoneChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a site's daily and monthly rollups when its time zone changes: its days now begin at other instants. The
 * UTC tiers (5 minutes to an hour) do not depend on the zone, so the local days and months are rebuilt from them,
 * not from the raw samples.
 *
 * <p>The change only records that the site needs a rebuild, in the same transaction ({@code calendar_rebuilds}); the
 * rebuild runs in the background once that transaction has committed, so the request that changed the zone does not
 * wait for years of days, and a rebuild that a stop or a crash interrupted is taken up again by the periodic check.
 * Each device is rebuilt in its own transaction, holding the same lock as the rollup worker so the worker cannot
 * write a day in another zone in between, and always in the site's zone as it is when the rebuild runs.
 */
@WithoutDisclosure("Recomputes stored rollups of a site from stored rollups; no person receives any data here")
@Component
class LocalCalendarRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LocalCalendarRebuild.class);

    private record Pending(SiteId site, Instant requestedAt) {}

    private final DeviceCatalog devices;
    private final SiteDirectory sites;
    private final RollupQueue queue;
    private final RollupTiers tiers;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("calendar-rebuild").daemon().factory());
    private final ReentrantLock oneAtATime = new ReentrantLock();

    LocalCalendarRebuild(
            DeviceCatalog devices,
            SiteDirectory sites,
            RollupQueue queue,
            RollupTiers tiers,
            JdbcClient jdbc,
            TransactionTemplate transactions) {
        this.devices = devices;
        this.sites = sites;
        this.queue = queue;
        this.tiers = tiers;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** In the transaction that changes the zone: the request to rebuild commits with the change, or neither does. */
    @EventListener
    void recordTimeZoneChange(SiteTimeZoneChanged change) {
        jdbc.sql("""
                        insert into telemetry.calendar_rebuilds (site_id, requested_at) values (:site, :at)
                        on conflict (site_id) do update set requested_at = excluded.requested_at
                        """)
                .param("site", change.siteId().value())
                .param("at", Timestamps.of(change.at()))
                .update();
    }

    /** Once the change is committed, in the background: the rollup worker reads the new zone from then on. */
    @TransactionalEventListener
    void startAfterCommit(SiteTimeZoneChanged change) {
        background.execute(this::rebuildPending);
    }

    /** Takes up rebuilds that a stop or a crash interrupted, and any that failed. */
    @Scheduled(
            initialDelayString = "${gridvault.telemetry.rollups.calendar-rebuild-check:60s}",
            fixedDelayString = "${gridvault.telemetry.rollups.calendar-rebuild-check:60s}")
    void rebuildPending() {
        oneAtATime.lock();
        try {
            var pending = jdbc.sql(
                            "select site_id, requested_at from telemetry.calendar_rebuilds order by requested_at")
                    .query((row, index) -> new Pending(
                            new SiteId(row.getObject("site_id", UUID.class)),
                            Timestamps.readRequired(row, "requested_at")))
                    .list();
            for (var site : pending) {
                try {
                    rebuild(site);
                } catch (RuntimeException e) {
                    log.warn(
                            "Rebuilding the days and months of site {} failed; the next check tries again",
                            site.site().value(),
                            e);
                }
            }
        } finally {
            oneAtATime.unlock();
        }
    }

    private void rebuild(Pending pending) {
        var zone = sites.timeZones(List.of(pending.site())).get(pending.site());
        if (zone != null) {
            for (var device : devices.ofSite(pending.site())) {
                transactions.executeWithoutResult(status -> rebuild(device.id(), zone));
            }
        }
        // A change made while this rebuild ran asked for another one: its row stays.
        jdbc.sql("delete from telemetry.calendar_rebuilds where site_id = :site and requested_at = :at")
                .param("site", pending.site().value())
                .param("at", Timestamps.of(pending.requestedAt()))
                .update();
        log.info(
                "Rebuilt the days and months of site {} for time zone {}",
                pending.site().value(),
                zone);
    }

    private void rebuild(DeviceId device, ZoneId zone) {
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
        tiers.writeDays(SiteCalendar.days(zone, range[0], range[1]).stream()
                .map(day -> new RollupTiers.DevicePeriod(device, day))
                .toList());
        tiers.writeMonths(SiteCalendar.months(zone, range[0], range[1]).stream()
                .map(month -> new RollupTiers.DevicePeriod(device, month))
                .toList());
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
