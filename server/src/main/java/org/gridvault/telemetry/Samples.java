package org.gridvault.telemetry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gridvault.database.Timestamps;
import org.gridvault.devices.DeviceId;
import org.gridvault.privacy.HoldsPersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads raw samples for rollups and raw series. Every query names one device and a time range, so it is a range
 * scan of the primary key (device_id, ts) in the partitions the range touches.
 */
@Repository
@HoldsPersonalData
class Samples implements SampleSource {

    private final JdbcClient jdbc;

    Samples(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Reading> between(DeviceId device, Instant from, Instant to) {
        return jdbc.sql("""
                        select * from telemetry.samples
                        where device_id = :device and ts >= :from and ts < :to
                        order by ts
                        """)
                .param("device", device.value())
                .param("from", Timestamps.of(from))
                .param("to", Timestamps.of(to))
                .query(Samples::map)
                .list();
    }

    @Override
    public Optional<Reading> latestBefore(DeviceId device, Metric metric, Instant before, @Nullable Instant notBefore) {
        return jdbc.sql("""
                        select * from telemetry.samples
                        where device_id = :device and ts < :before and ts >= :notBefore and %s is not null
                        order by ts desc limit 1
                        """.formatted(metric.wireName()))
                .param("device", device.value())
                .param("before", Timestamps.of(before))
                .param("notBefore", Timestamps.of(notBefore == null ? Instant.EPOCH : notBefore))
                .query(Samples::map)
                .optional();
    }

    @Override
    public Optional<Reading> earliestFrom(DeviceId device, Metric metric, Instant from, @Nullable Instant notAfter) {
        return jdbc.sql("""
                        select * from telemetry.samples
                        where device_id = :device and ts >= :from and ts < :notAfter and %s is not null
                        order by ts limit 1
                        """.formatted(metric.wireName()))
                .param("device", device.value())
                .param("from", Timestamps.of(from))
                .param("notAfter", Timestamps.of(notAfter == null ? FAR_FUTURE : notAfter))
                .query(Samples::map)
                .optional();
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

    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    private static Reading map(ResultSet row, int index) throws SQLException {
        var values = Reading.noValues();
        for (var metric : Metric.values()) {
            double value = row.getDouble(metric.wireName());
            if (!row.wasNull()) {
                values[metric.ordinal()] = value;
            }
        }
        return new Reading(
                new DeviceId(row.getObject("device_id", UUID.class)), Timestamps.readRequired(row, "ts"), values);
    }
}
