package org.gridvault.telemetry;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gridvault.devices.DeviceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The metrics each device has ever reported, as far as rollups have seen ({@code telemetry.reported_metrics}). */
@Repository
class ReportedMetrics {

    private final JdbcTemplate template;

    ReportedMetrics(JdbcTemplate template) {
        this.template = template;
    }

    /** The metrics of each device that has reported any. */
    Map<DeviceId, Set<Metric>> of(Collection<DeviceId> devices) {
        var result = new HashMap<DeviceId, Set<Metric>>();
        if (devices.isEmpty()) {
            return result;
        }
        template.query(
                connection -> {
                    var statement = connection.prepareStatement("""
                            select device_id, metrics from telemetry.reported_metrics
                            where device_id = any(cast(? as uuid[]))
                            """);
                    statement.setArray(1, connection.createArrayOf("uuid", ids(devices)));
                    return statement;
                },
                row -> {
                    result.put(new DeviceId(row.getObject(1, UUID.class)), RollupColumns.metrics(row.getInt(2)));
                });
        return result;
    }

    /** Adds to each device's metrics. */
    void add(Map<DeviceId, Set<Metric>> reported) {
        if (reported.isEmpty()) {
            return;
        }
        var devices = new UUID[reported.size()];
        var masks = new int[reported.size()];
        int i = 0;
        for (var entry : reported.entrySet()) {
            devices[i] = entry.getKey().value();
            masks[i++] = RollupColumns.mask(entry.getValue());
        }
        template.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into telemetry.reported_metrics as r (device_id, metrics)
                    select * from unnest(cast(? as uuid[]), cast(? as int4[]))
                    on conflict (device_id) do update set metrics = r.metrics | excluded.metrics
                    where r.metrics | excluded.metrics <> r.metrics
                    """);
            statement.setArray(1, connection.createArrayOf("uuid", devices));
            statement.setObject(2, masks);
            return statement;
        });
    }

    private static UUID[] ids(Collection<DeviceId> devices) {
        return devices.stream().map(DeviceId::value).toArray(UUID[]::new);
    }
}
