package org.gridvault.telemetry;

import java.util.List;
import org.gridvault.devices.DeviceErased;
import org.gridvault.privacy.WithoutDisclosure;
import org.gridvault.sites.SiteErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erases a device's measurements when the device is erased with its site's owner: samples, every rollup tier, the
 * stored state and reported metrics, and the state held in memory; and a site's pending rebuild of its days when the
 * site is erased. Runs in the transaction of the site's erasure.
 */
@WithoutDisclosure("Erases the measurements of an erased person's devices; reads nothing out")
@Component
class TelemetryErasure {

    private static final List<String> TABLES = List.of(
            "samples",
            "rollup_5m",
            "rollup_15m",
            "rollup_1h",
            "rollup_day",
            "rollup_month",
            "device_state",
            "reported_metrics");

    private final JdbcClient jdbc;
    private final DeviceStates states;

    TelemetryErasure(JdbcClient jdbc, DeviceStates states) {
        this.jdbc = jdbc;
        this.states = states;
    }

    @EventListener
    public void on(SiteErased event) {
        jdbc.sql("delete from telemetry.calendar_rebuilds where site_id = :site")
                .param("site", event.siteId().value())
                .update();
    }

    @EventListener
    public void on(DeviceErased event) {
        states.forget(event.deviceId());
        // First the queue: this waits for a rollup worker that holds a queued range of the device (it locks its rows
        // until it has written the rollups), and keeps later workers from taking one, so no rollup of the device is
        // written after the deletes below.
        jdbc.sql("""
                        update telemetry.rollup_queue set
                            device_ids = array_remove(device_ids, :device),
                            from_each_us = (select array_agg(f order by n) from unnest(device_ids, from_each_us)
                                with ordinality as u(d, f, n) where d <> :device),
                            to_each_us = (select array_agg(t order by n) from unnest(device_ids, to_each_us)
                                with ordinality as u(d, t, n) where d <> :device)
                        where :device = any(device_ids) and from_each_us is not null
                        """).param("device", event.deviceId().value()).update();
        // Rows queued before each device's range was kept.
        jdbc.sql("update telemetry.rollup_queue set device_ids = array_remove(device_ids, :device)"
                        + " where :device = any(device_ids) and from_each_us is null")
                .param("device", event.deviceId().value())
                .update();
        jdbc.sql("delete from telemetry.rollup_queue where cardinality(device_ids) = 0")
                .update();
        for (var table : TABLES) {
            jdbc.sql("delete from telemetry." + table + " where device_id = :device")
                    .param("device", event.deviceId().value())
                    .update();
        }
    }
}
