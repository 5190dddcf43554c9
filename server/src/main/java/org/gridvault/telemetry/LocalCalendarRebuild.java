package org.gridvault.telemetry;

import java.time.Instant;
import java.time.LocalDate;
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
import org.jspecify.annotations.Nullable;
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
 * <p>Days older than the UTC tiers' history keep their totals and move to the new zone's midnight of their date.
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
        // A site erased in the meantime has no zone and no devices any more: only its row is left to remove.
        var zone = sites.timeZones(List.of(pending.site())).get(pending.site());
        if (zone != null) {
            for (var device : devices.ofSite(pending.site())) {
                transactions.executeWithoutResult(status -> rebuild(device.id(), zone));
            }
            log.info(
                    "Rebuilt the days and months of site {} for time zone {}",
                    pending.site().value(),
                    zone);
        }
        // A change made while this rebuild ran asked for another one: its row stays.
        jdbc.sql("delete from telemetry.calendar_rebuilds where site_id = :site and requested_at = :at")
                .param("site", pending.site().value())
                .param("at", Timestamps.of(pending.requestedAt()))
                .update();
    }

    /**
     * Days that overlap the UTC tiers' history are recomputed from them. Older days cannot be (the UTC tiers are kept
     * for years, days and months for as long as the site exists): they keep their totals and move to the same date's
     * midnight in the new zone. Months are then summed from the days again.
     */
    private void rebuild(DeviceId device, ZoneId zone) {
        queue.lock(device);
        var history = utcHistory(device);
        if (history != null) {
            jdbc.sql("delete from telemetry.rollup_day where device_id = :device and local_date >= :first")
                    .param("device", device.value())
                    .param("first", LocalDate.ofInstant(history[0], zone))
                    .update();
        }
        moveToNewMidnights(device, zone);
        jdbc.sql("delete from telemetry.rollup_month where device_id = :device")
                .param("device", device.value())
                .update();
        if (history != null) {
            tiers.writeDays(SiteCalendar.days(zone, history[0], history[1]).stream()
                    .map(day -> new RollupTiers.DevicePeriod(device, day))
                    .toList());
        }
        var dates = jdbc.sql("""
                        select min(local_date) as first, max(local_date) as last
                        from telemetry.rollup_day where device_id = :device
                        """)
                .param("device", device.value())
                .query((row, index) ->
                        new LocalDate[] {row.getObject("first", LocalDate.class), row.getObject("last", LocalDate.class)
                        })
                .single();
        if (dates[0] != null) {
            tiers.writeMonths(SiteCalendar.months(
                            zone,
                            SiteCalendar.dayStart(dates[0], zone),
                            SiteCalendar.dayStart(dates[1].plusDays(1), zone))
                    .stream()
                    .map(month -> new RollupTiers.DevicePeriod(device, month))
                    .toList());
        }
    }

    /** From the start of the earliest to the end of the latest bucket of the device in any UTC tier. */
    private Instant @Nullable [] utcHistory(DeviceId device) {
        var history = jdbc.sql("""
                        select min(first) as first, max(last_end) as last_end from (
                            select min(bucket_start) as first, max(bucket_start) + interval '5 minutes' as last_end
                            from telemetry.rollup_5m where device_id = :device
                            union all
                            select min(bucket_start), max(bucket_start) + interval '15 minutes'
                            from telemetry.rollup_15m where device_id = :device
                            union all
                            select min(bucket_start), max(bucket_start) + interval '1 hour'
                            from telemetry.rollup_1h where device_id = :device) tiers
                        """)
                .param("device", device.value())
                .query((row, index) -> new Instant[] {Timestamps.read(row, "first"), Timestamps.read(row, "last_end")})
                .single();
        // A device that never reported has no history (aggregates over no rows are null).
        return history[0] == null ? null : history;
    }

    /** Re-keys the device's remaining days to the new zone's midnight of their dates. */
    private void moveToNewMidnights(DeviceId device, ZoneId zone) {
        var dates = jdbc.sql("select local_date from telemetry.rollup_day where device_id = :device")
                .param("device", device.value())
                .query(LocalDate.class)
                .list();
        if (dates.isEmpty()) {
            return;
        }
        // Out of the way first: two zones 24 hours apart would otherwise swap midnights between rows on the way.
        jdbc.sql("update telemetry.rollup_day set bucket_start = bucket_start - interval '1000 years'"
                        + " where device_id = :device")
                .param("device", device.value())
                .update();
        for (var date : dates) {
            jdbc.sql(
                            "update telemetry.rollup_day set bucket_start = :start where device_id = :device and local_date = :date")
                    .param("start", Timestamps.of(SiteCalendar.dayStart(date, zone)))
                    .param("device", device.value())
                    .param("date", date)
                    .update();
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
