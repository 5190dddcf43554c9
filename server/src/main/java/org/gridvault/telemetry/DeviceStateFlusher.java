package org.gridvault.telemetry;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.gridvault.database.Timestamps;
import org.gridvault.devices.DeviceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves device states between memory and {@code telemetry.device_state}: restores them at start, writes the changed
 * ones every {@code stateFlushInterval} in one statement, and once more at shutdown. Also runs the periodic check for
 * devices that fell silent.
 */
@Component
class DeviceStateFlusher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeviceStateFlusher.class);
    private static final TypeReference<Map<String, Double>> VALUES = new TypeReference<>() {};

    private final DeviceStates states;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final JsonMapper json = JsonMapper.shared();
    private volatile boolean running;

    DeviceStateFlusher(DeviceStates states, JdbcClient jdbc, DataSource dataSource) {
        this.states = states;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public void start() {
        jdbc.sql("select * from telemetry.device_state")
                .query((row, i) -> {
                    var latest = new EnumMap<Metric, Double>(Metric.class);
                    json.readValue(row.getString("latest"), VALUES)
                            .forEach((name, value) ->
                                    Metric.byName(name).ifPresent(metric -> latest.put(metric, value)));
                    states.restore(new DeviceStatus(
                            new DeviceId(row.getObject("device_id", UUID.class)),
                            row.getBoolean("online"),
                            Timestamps.readRequired(row, "status_since"),
                            Timestamps.readRequired(row, "last_seen_at"),
                            Timestamps.read(row, "last_ts"),
                            latest,
                            row.getLong("seq_gaps"),
                            row.getLong("duplicates")));
                    return null;
                })
                .list();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the writers have stopped, so their last readings are in the states flushed. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 8192;
    }

    @Scheduled(fixedDelayString = "${gridvault.telemetry.storage.state-flush-interval:2s}")
    void flushPeriodically() {
        if (running) {
            flush();
        }
    }

    @Scheduled(fixedDelayString = "${gridvault.telemetry.storage.offline-check-interval:30s}")
    void markSilentDevicesOffline() {
        if (running) {
            states.markSilentDevicesOffline();
        }
    }

    /** Writes every changed state in one statement. */
    void flush() {
        var changed = states.takeChanged();
        if (changed.isEmpty()) {
            return;
        }
        try (var connection = dataSource.getConnection();
                var upsert = connection.prepareStatement("""
                        insert into telemetry.device_state
                            (device_id, last_seen_at, last_ts, online, status_since, latest, seq_gaps, duplicates)
                        select * from unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[], ?::boolean[],
                                             ?::timestamptz[], ?::jsonb[], ?::bigint[], ?::bigint[])
                        on conflict (device_id) do update set
                            last_seen_at = excluded.last_seen_at, last_ts = excluded.last_ts, online = excluded.online,
                            status_since = excluded.status_since, latest = excluded.latest,
                            seq_gaps = excluded.seq_gaps, duplicates = excluded.duplicates
                        """)) {
            int n = changed.size();
            var ids = new UUID[n];
            var seen = new Timestamp[n];
            var last = new Timestamp[n];
            var online = new Boolean[n];
            var since = new Timestamp[n];
            var latest = new String[n];
            var gaps = new Long[n];
            var duplicates = new Long[n];
            for (int i = 0; i < n; i++) {
                var status = changed.get(i);
                ids[i] = status.deviceId().value();
                seen[i] = Timestamp.from(status.lastSeenAt());
                last[i] = Timestamps.of(status.lastReadingAt());
                online[i] = status.online();
                since[i] = Timestamp.from(status.statusSince());
                latest[i] = json.writeValueAsString(named(status.latest()));
                gaps[i] = status.sequenceGaps();
                duplicates[i] = status.duplicates();
            }
            upsert.setArray(1, array(connection, "uuid", ids));
            upsert.setArray(2, array(connection, "timestamptz", seen));
            upsert.setArray(3, array(connection, "timestamptz", last));
            upsert.setArray(4, array(connection, "boolean", online));
            upsert.setArray(5, array(connection, "timestamptz", since));
            upsert.setArray(6, array(connection, "text", latest));
            upsert.setArray(7, array(connection, "bigint", gaps));
            upsert.setArray(8, array(connection, "bigint", duplicates));
            upsert.executeUpdate();
        } catch (SQLException e) {
            log.warn("Could not flush {} device states; they stay in memory and are retried", changed.size(), e);
            changed.forEach(states::restoreDirty);
        }
    }

    private static Map<String, Double> named(Map<Metric, Double> values) {
        var named = new java.util.LinkedHashMap<String, Double>();
        values.forEach((metric, value) -> named.put(metric.wireName(), value));
        return named;
    }

    private static Array array(java.sql.Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
