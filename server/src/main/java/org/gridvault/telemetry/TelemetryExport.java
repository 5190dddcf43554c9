package org.gridvault.telemetry;

import java.util.List;
import java.util.UUID;
import org.gridvault.accounts.PersonId;
import org.gridvault.devices.DeviceCatalog;
import org.gridvault.privacy.ExportTables;
import org.gridvault.privacy.PersonalDataExport;
import org.gridvault.privacy.SubjectId;
import org.gridvault.privacy.WithoutDisclosure;
import org.gridvault.sites.SiteDirectory;
import org.gridvault.sites.SiteId;
import org.springframework.stereotype.Component;

/**
 * The telemetry module's part of a person's export: every raw sample and every rollup of the devices of the sites they
 * own, with the devices' state. Rows are streamed (a year of readings is millions of rows), ordered by device and
 * time.
 */
@Component
@WithoutDisclosure("Exports the measurements of the person's own sites to them")
class TelemetryExport implements PersonalDataExport {

    private static final List<String> ROLLUPS =
            List.of("rollup_5m", "rollup_15m", "rollup_1h", "rollup_day", "rollup_month");

    private final SiteDirectory sites;
    private final DeviceCatalog devices;

    TelemetryExport(SiteDirectory sites, DeviceCatalog devices) {
        this.sites = sites;
        this.devices = devices;
    }

    @Override
    public String schema() {
        return "telemetry";
    }

    @Override
    public void write(SubjectId subject, ExportTables tables) {
        var owned = sites.ownedBy(new PersonId(subject.value()));
        List<UUID> deviceIds = owned.stream()
                .flatMap(site -> devices.ofSite(site).stream())
                .map(device -> device.id().value())
                .toList();
        tables.table("device_state")
                .query("select * from telemetry.device_state where device_id = any(?) order by device_id", deviceIds);
        tables.table("reported_metrics")
                .query(
                        "select * from telemetry.reported_metrics where device_id = any(?) order by device_id",
                        deviceIds);
        // A queue row lists every device of a write batch, other people's too: only the person's devices go into the
        // export, each with its own range.
        tables.table("rollup_queue").query("""
                select q.id, array[u.device_id] as device_ids,
                    coalesce(timestamptz 'epoch' + q.from_each_us[u.n] * interval '1 microsecond', q.from_ts) as from_ts,
                    coalesce(timestamptz 'epoch' + q.to_each_us[u.n] * interval '1 microsecond', q.to_ts) as to_ts,
                    q.enqueued_at,
                    case when q.from_each_us is not null then array[q.from_each_us[u.n]] end as from_each_us,
                    case when q.to_each_us is not null then array[q.to_each_us[u.n]] end as to_each_us
                from telemetry.rollup_queue q
                cross join lateral unnest(q.device_ids) with ordinality as u(device_id, n)
                where u.device_id = any(?)
                order by q.id, u.n
                """, deviceIds);
        tables.table("calendar_rebuilds")
                .query(
                        "select * from telemetry.calendar_rebuilds where site_id = any(?) order by site_id",
                        owned.stream().map(SiteId::value).toList());
        tables.table("samples")
                .query("select * from telemetry.samples where device_id = any(?) order by device_id, ts", deviceIds);
        for (var rollup : ROLLUPS) {
            tables.table(rollup)
                    .query(
                            "select * from telemetry.%s where device_id = any(?) order by device_id, bucket_start"
                                    .formatted(rollup),
                            deviceIds);
        }
    }
}
