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
        List<UUID> deviceIds = sites.ownedBy(new PersonId(subject.value())).stream()
                .flatMap(site -> devices.ofSite(site).stream())
                .map(device -> device.id().value())
                .toList();
        tables.table("device_state")
                .query("select * from telemetry.device_state where device_id = any(?) order by device_id", deviceIds);
        tables.table("reported_metrics")
                .query(
                        "select * from telemetry.reported_metrics where device_id = any(?) order by device_id",
                        deviceIds);
        tables.table("rollup_queue")
                .query("select * from telemetry.rollup_queue where device_ids && ? order by id", deviceIds);
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
