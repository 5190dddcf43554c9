package org.gridvault.telemetry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gridvault.database.Timestamps;
import org.gridvault.devices.DeviceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The durable queue of time ranges written but not yet rolled up ({@code telemetry.rollup_queue}). The writer adds a
 * row in the transaction that writes the samples; the rollup worker takes rows, rolls them up and deletes them in one
 * transaction, so a range is rolled up at least once whatever crashes.
 */
@Repository
class RollupQueue {

    /** A queue row: each of these devices has new readings in its range. */
    record QueueRow(long id, Map<DeviceId, QueuedRanges.Range> ranges) {}

    /** Namespace of the advisory locks that serialise rollups per device (the bytes of "roll"). */
    private static final int LOCK_SPACE = 0x726f6c6c;

    private final JdbcClient jdbc;

    RollupQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks and returns up to {@code limit} of the oldest rows. Rows another worker holds are skipped, unless {@code
     * wait} is set: then this waits for them (to drain the queue completely).
     */
    List<QueueRow> take(int limit, boolean wait) {
        return jdbc.sql("""
                        select id, device_ids, from_ts, to_ts, from_each_us, to_each_us from telemetry.rollup_queue
                        order by id limit :limit for update %s
                        """.formatted(wait ? "" : "skip locked"))
                .param("limit", limit)
                .query(RollupQueue::map)
                .list();
    }

    /** Locks and returns the row, unless another worker holds it or it is gone. */
    List<QueueRow> take(long id) {
        return jdbc.sql("""
                        select id, device_ids, from_ts, to_ts, from_each_us, to_each_us from telemetry.rollup_queue
                        where id = :id for update skip locked
                        """).param("id", id).query(RollupQueue::map).list();
    }

    /** The ids of the oldest rows, without locking them. */
    List<Long> oldestIds(int limit) {
        return jdbc.sql("select id from telemetry.rollup_queue order by id limit :limit")
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    boolean isEmpty() {
        return !jdbc.sql("select exists (select 1 from telemetry.rollup_queue)")
                .query(Boolean.class)
                .single();
    }

    void delete(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("delete from telemetry.rollup_queue where id in (:ids)")
                    .param("ids", ids)
                    .update();
        }
    }

    /**
     * Holds until the end of the transaction the lock on rolling up this device, so two workers never recompute the
     * same device at once (the later one then reads the earlier one's samples).
     */
    void lock(DeviceId device) {
        lock(List.of(device));
    }

    /**
     * Holds the locks of all these devices until the end of the transaction, taken in one statement in ascending order
     * of their keys, the order every worker takes them in, so that two workers never wait for each other.
     */
    void lock(Collection<DeviceId> devices) {
        var keys = devices.stream()
                .mapToInt(device -> device.value().hashCode())
                .distinct()
                .sorted()
                .toArray();
        if (keys.length == 0) {
            return;
        }
        jdbc.sql("""
                        select count(pg_advisory_xact_lock(:space, key))
                        from unnest(cast(:keys as int4[])) as k(key)
                        """)
                .param("space", LOCK_SPACE)
                .param("keys", keys)
                .query(Long.class)
                .single();
    }

    private static QueueRow map(ResultSet row, int index) throws SQLException {
        var ids = (UUID[]) row.getArray("device_ids").getArray();
        var fromEach = row.getArray("from_each_us");
        var toEach = row.getArray("to_each_us");
        var ranges = new LinkedHashMap<DeviceId, QueuedRanges.Range>();
        if (fromEach == null || toEach == null) {
            // Queued before each device's range was kept: every device takes the batch's range.
            var range = new QueuedRanges.Range(
                    Timestamps.readRequired(row, "from_ts"), Timestamps.readRequired(row, "to_ts"));
            for (var id : ids) {
                ranges.put(new DeviceId(id), range);
            }
        } else {
            var from = (Long[]) fromEach.getArray();
            var to = (Long[]) toEach.getArray();
            for (int i = 0; i < ids.length; i++) {
                ranges.put(
                        new DeviceId(ids[i]),
                        new QueuedRanges.Range(EpochMicros.instant(from[i]), EpochMicros.instant(to[i])));
            }
        }
        return new QueueRow(row.getLong("id"), ranges);
    }
}
