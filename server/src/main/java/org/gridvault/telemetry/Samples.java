package org.gridvault.telemetry;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ObjIntConsumer;
import java.util.stream.Collectors;
import org.gridvault.database.Timestamps;
import org.gridvault.devices.DeviceId;
import org.gridvault.privacy.HoldsPersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads raw samples for rollups and raw series. Every query names devices and a time range for each, so it is one
 * range scan of the primary key (device_id, ts) per device, in the partitions its range touches.
 */
@Repository
@HoldsPersonalData
class Samples implements SampleSource {

    private static final String COLUMNS = Arrays.stream(Metric.values())
            .map(metric -> "s." + metric.wireName())
            .collect(Collectors.joining(", "));

    private static final String BETWEEN = """
            select w.i, s.ts, %s from %s
            cross join lateral (
                select * from telemetry.samples s
                where s.device_id = w.device_id and s.ts >= w.from_ts and s.ts < w.to_ts) s
            order by w.i, s.ts
            """.formatted(COLUMNS, DeviceWindow.RELATION);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Map<String, String> neighbourQueries = new ConcurrentHashMap<>();

    Samples(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public List<List<Reading>> between(List<DeviceWindow> windows) {
        var result = new ArrayList<List<Reading>>(windows.size());
        windows.forEach(window -> result.add(new ArrayList<>()));
        query(BETWEEN, windows, (reading, index) -> result.get(index).add(reading));
        return result;
    }

    @Override
    public List<Optional<Reading>> latest(Metric metric, List<DeviceWindow> windows) {
        return neighbours(metric, "desc", windows);
    }

    @Override
    public List<Optional<Reading>> earliest(Metric metric, List<DeviceWindow> windows) {
        return neighbours(metric, "asc", windows);
    }

    private List<Optional<Reading>> neighbours(Metric metric, String order, List<DeviceWindow> windows) {
        var sql = neighbourQueries.computeIfAbsent(metric.wireName() + " " + order, key ->
                """
                select w.i, s.ts, %1$s from %2$s
                cross join lateral (
                    select * from telemetry.samples s
                    where s.device_id = w.device_id and s.ts >= w.from_ts and s.ts < w.to_ts
                        and s.%3$s is not null
                    order by s.ts %4$s limit 1) s
                """.formatted(COLUMNS, DeviceWindow.RELATION, metric.wireName(), order));
        var result = new ArrayList<Optional<Reading>>(windows.size());
        windows.forEach(window -> result.add(Optional.empty()));
        query(sql, windows, (reading, index) -> result.set(index, Optional.of(reading)));
        return result;
    }

    /** Runs a query over the windows and hands each row over as a reading of the window it belongs to. */
    private void query(String sql, List<DeviceWindow> windows, ObjIntConsumer<Reading> consumer) {
        if (windows.isEmpty()) {
            return;
        }
        template.query(
                connection -> {
                    var statement = connection.prepareStatement(sql);
                    DeviceWindow.bind(statement, windows);
                    return statement;
                },
                (ResultSet row) -> {
                    int index = (int) row.getLong(1) - 1;
                    var values = Reading.noValues();
                    for (int m = 0; m < values.length; m++) {
                        double value = row.getDouble(3 + m);
                        if (!row.wasNull()) {
                            values[m] = value;
                        }
                    }
                    var ts = row.getTimestamp(2).toInstant();
                    consumer.accept(new Reading(windows.get(index).device(), ts, values), index);
                });
    }

    /** One metric's raw values, for series; at most {@code limit} of them. */
    List<TimedValue> values(DeviceId device, Metric metric, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        select ts, %1$s as value from telemetry.samples
                        where device_id = :device and ts >= :from and ts < :to and %1$s is not null
                        order by ts limit :limit
                        """.formatted(metric.wireName()))
                .param("device", device.value())
                .param("from", Timestamps.of(from))
                .param("to", Timestamps.of(to))
                .param("limit", limit)
                .query((row, index) -> new TimedValue(Timestamps.readRequired(row, "ts"), row.getDouble("value")))
                .list();
    }

    /** A raw value at its time. */
    record TimedValue(Instant ts, double value) {}
}
