package org.gridvault.telemetry;

import java.util.Set;
import org.gridvault.devices.DeviceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The metrics each device has ever reported, as far as rollups have seen ({@code telemetry.reported_metrics}). */
@Repository
class ReportedMetrics {

    private final JdbcClient jdbc;

    ReportedMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<Metric> of(DeviceId device) {
        return jdbc.sql("select metrics from telemetry.reported_metrics where device_id = :device")
                .param("device", device.value())
                .query(Integer.class)
                .optional()
                .map(RollupColumns::metrics)
                .orElse(Set.of());
    }

    void add(DeviceId device, Set<Metric> metrics) {
        jdbc.sql("""
                        insert into telemetry.reported_metrics as r (device_id, metrics) values (:device, :metrics)
                        on conflict (device_id) do update set metrics = r.metrics | excluded.metrics
                        where r.metrics | excluded.metrics <> r.metrics
                        """)
                .param("device", device.value())
                .param("metrics", RollupColumns.mask(metrics))
                .update();
    }
}
