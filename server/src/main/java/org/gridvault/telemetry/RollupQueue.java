package org.gridvault.telemetry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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

    /** A queued range: these devices have new readings between {@code from} and {@code to} (inclusive). */
    record QueueRow(long id, List<DeviceId> devices, Instant from, Instant to) {}

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
                        select id, device_ids, from_ts, to_ts from telemetry.rollup_queue
                        order by id limit :limit for update %s
                        """.formatted(wait ? "" : "skip locked"))
                .param("limit", limit)
                .query(RollupQueue::map)
                .list();
    }

    /** Locks and returns the row, unless another worker holds it or it is gone. */
    List<QueueRow> take(long id) {
        return jdbc.sql("""
                        select id, device_ids, from_ts, to_ts from telemetry.rollup_queue
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
     * same device at once (the later one then reads the earlier one's samples). Lock devices in a fixed order.
     */
    void lock(DeviceId device) {
        jdbc.sql("select pg_advisory_xact_lock(:space, :key)")
                .param("space", LOCK_SPACE)
                .param("key", device.value().hashCode())
                .query((row, index) -> 1)
                .single();
    }

    private static QueueRow map(ResultSet row, int index) throws SQLException {
        var ids = (UUID[]) row.getArray("device_ids").getArray();
        return new QueueRow(
                row.getLong("id"),
                Arrays.stream(ids).map(DeviceId::new).toList(),
                Timestamps.readRequired(row, "from_ts"),
                Timestamps.readRequired(row, "to_ts"));
    }
}
