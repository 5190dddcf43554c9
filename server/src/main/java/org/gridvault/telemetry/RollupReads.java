package org.gridvault.telemetry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.gridvault.database.Timestamps;
import org.gridvault.devices.DeviceId;
import org.gridvault.privacy.HoldsPersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the rollup tables for queries. Each query names its devices and a range of bucket starts, which the primary
 * key (device_id, bucket_start) answers with one index range scan per device.
 */
@Repository
@HoldsPersonalData
class RollupReads {

    /** The devices of a site that count for each part of its energy. */
    record SiteDevices(
            Collection<DeviceId> gridMeters,
            Collection<DeviceId> pvInverters,
            Collection<DeviceId> batteries,
            Collection<DeviceId> evChargers) {

        boolean isEmpty() {
            return gridMeters.isEmpty() && pvInverters.isEmpty() && batteries.isEmpty() && evChargers.isEmpty();
        }
    }

    /** A placeholder that matches no device, because SQL has no empty {@code in ()} list. */
    private static final List<UUID> NO_DEVICE = List.of(new UUID(0, 0));

    private final JdbcClient jdbc;

    RollupReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SeriesPoint.Gauge> gauge(Resolution tier, DeviceId device, Metric gauge, Instant from, Instant to) {
        return jdbc.sql("""
                        select bucket_start, %2$s as avg, %3$s as min, %4$s as max from telemetry.%1$s
                        where device_id = :device and bucket_start >= :from and bucket_start < :to
                            and %2$s is not null
                        order by bucket_start
                        """.formatted(
                        tier.table(), RollupColumns.avg(gauge), RollupColumns.min(gauge), RollupColumns.max(gauge)))
                .param("device", device.value())
                .param("from", Timestamps.of(from))
                .param("to", Timestamps.of(to))
                .query((row, index) -> new SeriesPoint.Gauge(
                        Timestamps.readRequired(row, "bucket_start"),
                        shortest(row.getFloat("avg")),
                        shortest(row.getFloat("min")),
                        shortest(row.getFloat("max"))))
                .list();
    }

    List<SeriesPoint.Energy> energy(Resolution tier, DeviceId device, Metric counter, Instant from, Instant to) {
        return jdbc.sql("""
                        select bucket_start, %2$s as energy from telemetry.%1$s
                        where device_id = :device and bucket_start >= :from and bucket_start < :to
                            and %2$s is not null
                        order by bucket_start
                        """.formatted(tier.table(), counter.wireName()))
                .param("device", device.value())
                .param("from", Timestamps.of(from))
                .param("to", Timestamps.of(to))
                .query((row, index) ->
                        new SeriesPoint.Energy(Timestamps.readRequired(row, "bucket_start"), row.getLong("energy")))
                .list();
    }

    /** The site's energy per bucket start, for the buckets that have any; zeros where a part has no data. */
    Map<Instant, EnergyInterval> siteEnergy(Resolution tier, SiteDevices devices, Instant from, Instant to) {
        var result = new HashMap<Instant, EnergyInterval>();
        if (devices.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select bucket_start,
                            coalesce(sum(energy_import_wh) filter (where device_id in (:grid)), 0) as imported,
                            coalesce(sum(energy_export_wh) filter (where device_id in (:grid)), 0) as exported,
                            coalesce(sum(energy_produced_wh) filter (where device_id in (:pv)), 0) as produced,
                            coalesce(sum(energy_charged_wh) filter (where device_id in (:battery)), 0) as charged,
                            coalesce(sum(energy_discharged_wh) filter (where device_id in (:battery)), 0) as discharged,
                            coalesce(sum(energy_delivered_wh) filter (where device_id in (:ev)), 0) as delivered
                        from telemetry.%s
                        where device_id in (:devices) and bucket_start >= :from and bucket_start < :to
                        group by bucket_start
                        """.formatted(tier.table()))
                .param("grid", ids(devices.gridMeters()))
                .param("pv", ids(devices.pvInverters()))
                .param("battery", ids(devices.batteries()))
                .param("ev", ids(devices.evChargers()))
                .param(
                        "devices",
                        ids(Stream.of(
                                        devices.gridMeters(),
                                        devices.pvInverters(),
                                        devices.batteries(),
                                        devices.evChargers())
                                .flatMap(Collection::stream)
                                .toList()))
                .param("from", Timestamps.of(from))
                .param("to", Timestamps.of(to))
                .query((ResultSet row) -> {
                    var interval = interval(row);
                    result.put(interval.start(), interval);
                });
        return result;
    }

    private static EnergyInterval interval(ResultSet row) throws SQLException {
        return EnergyInterval.of(
                Timestamps.readRequired(row, "bucket_start"),
                row.getLong("imported"),
                row.getLong("exported"),
                row.getLong("produced"),
                row.getLong("charged"),
                row.getLong("discharged"),
                row.getLong("delivered"));
    }

    private static List<UUID> ids(Collection<DeviceId> devices) {
        return devices.isEmpty()
                ? NO_DEVICE
                : devices.stream().map(DeviceId::value).toList();
    }

    /** A {@code real} as the shortest decimal that reads back as the same float (230.1, not 230.10000610351562). */
    static double shortest(float value) {
        return Double.parseDouble(Float.toString(value));
    }
}
