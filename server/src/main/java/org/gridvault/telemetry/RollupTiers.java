package org.gridvault.telemetry;

import java.sql.Date;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gridvault.database.Timestamps;
import org.gridvault.devices.DeviceId;
import org.gridvault.privacy.HoldsPersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes the rollup tables: 5-minute buckets computed from samples, and every coarser tier as sums of the finer one
 * (15 minutes and hours from 5 and 15 minutes; days from the finest UTC tier that nests in the site's local day;
 * months from days). Upserts touch only the given span and skip rows whose values did not change.
 */
@Repository
@HoldsPersonalData
class RollupTiers {

    private static final String TIME_ORIGIN = "timestamptz '2000-01-01 00:00:00+00'";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Map<Integer, String> upsertsByMask = new ConcurrentHashMap<>();
    /** The cascade and calendar statements, built once per tier and source (they run per device and rollup). */
    private final Map<String, String> statements = new ConcurrentHashMap<>();

    RollupTiers(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Upserts 5-minute buckets, all in one statement. Readings and gauges are replaced; of the energy columns and
     * reset/rollover bits, only those of {@code energyMetrics} (the others were not recomputed and keep their values).
     */
    void writeFiveMinutes(DeviceId device, Set<Metric> energyMetrics, List<Bucket> buckets) {
        if (buckets.isEmpty()) {
            return;
        }
        var sql = upsertsByMask.computeIfAbsent(RollupColumns.mask(energyMetrics), RollupTiers::fiveMinuteUpsert);
        template.update(sql, columns(device, buckets));
    }

    /** Recomputes the 15-minute or hourly buckets that overlap {@code [from, to)} from the next finer tier. */
    void cascade(Resolution tier, DeviceId device, Instant from, Instant to) {
        var source = switch (tier) {
            case FIFTEEN_MINUTES -> Resolution.FIVE_MINUTES;
            case HOUR -> Resolution.FIFTEEN_MINUTES;
            default -> throw new IllegalArgumentException("Not a UTC tier above 5 minutes: " + tier);
        };
        long width = tier.fixedLength().toSeconds();
        var start = Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), width) * width);
        var end = Instant.ofEpochSecond(Math.floorDiv(to.getEpochSecond() + width - 1, width) * width);
        var sql = statements.computeIfAbsent(tier + " from " + source, key -> """
                insert into telemetry.%1$s as r (device_id, bucket_start, %2$s)
                select device_id, date_bin(interval '%3$d seconds', bucket_start, %4$s), %5$s
                from telemetry.%6$s
                where device_id = :device and bucket_start >= :from and bucket_start < :to
                group by device_id, 2
                %7$s
                """.formatted(
                        tier.table(),
                        String.join(", ", RollupColumns.VALUES),
                        width,
                        TIME_ORIGIN,
                        RollupColumns.aggregates(),
                        source.table(),
                        replaceAll(List.of())));
        jdbc.sql(sql)
                .param("device", device.value())
                .param("from", Timestamps.of(start))
                .param("to", Timestamps.of(end))
                .update();
    }

    /** Recomputes one local day or month of the device from {@code source}. */
    void writeCalendar(Resolution tier, Resolution source, DeviceId device, SiteCalendar.Period period) {
        var sql = statements.computeIfAbsent(tier + " from " + source, key -> """
                insert into telemetry.%1$s as r (device_id, bucket_start, local_date, %2$s)
                select device_id, cast(:from as timestamptz), cast(:date as date), %3$s
                from telemetry.%4$s
                where device_id = :device and bucket_start >= :from and bucket_start < :to
                group by device_id
                %5$s
                """.formatted(
                        tier.table(),
                        String.join(", ", RollupColumns.VALUES),
                        RollupColumns.aggregates(),
                        source.table(),
                        replaceAll(List.of("local_date"))));
        jdbc.sql(sql)
                .param("device", device.value())
                .param("from", Timestamps.of(period.start()))
                .param("to", Timestamps.of(period.end()))
                .param("date", Date.valueOf(period.date()))
                .update();
    }

    private static String replaceAll(List<String> extra) {
        var columns = new ArrayList<>(extra);
        columns.addAll(RollupColumns.VALUES);
        return """
                on conflict (device_id, bucket_start) do update set %s
                where (%s) is distinct from (%s)
                """.formatted(
                        RollupColumns.list(columns, column -> column + " = excluded." + column),
                        RollupColumns.list(columns, column -> "r." + column),
                        RollupColumns.list(columns, column -> "excluded." + column));
    }

    private static String fiveMinuteUpsert(int mask) {
        var metrics = RollupColumns.metrics(mask);
        var replaced = new ArrayList<String>();
        replaced.add("samples");
        RollupColumns.COUNTERS.stream().filter(metrics::contains).forEach(metric -> replaced.add(metric.wireName()));
        RollupColumns.GAUGES.forEach(gauge -> {
            replaced.add(RollupColumns.avg(gauge));
            replaced.add(RollupColumns.min(gauge));
            replaced.add(RollupColumns.max(gauge));
        });
        var arrays = new ArrayList<String>();
        arrays.add("cast(? as int8[])");
        arrays.add("cast(? as int4[])");
        RollupColumns.COUNTERS.forEach(counter -> arrays.add("cast(? as int8[])"));
        arrays.add("cast(? as int2[])");
        arrays.add("cast(? as int2[])");
        RollupColumns.GAUGES.forEach(gauge -> {
            for (int i = 0; i < 3; i++) {
                arrays.add("cast(? as float4[])");
            }
        });
        var kept = "~(%d::smallint)".formatted(mask);
        return """
                insert into telemetry.rollup_5m as r (device_id, bucket_start, %1$s)
                select cast(? as uuid), timestamptz 'epoch' + start_micros * interval '1 microsecond', %1$s
                from unnest(%2$s) as u(start_micros, %1$s)
                on conflict (device_id, bucket_start) do update set %3$s,
                    resets = (r.resets & %4$s) | excluded.resets,
                    rollovers = (r.rollovers & %4$s) | excluded.rollovers
                where (%5$s, r.resets & %6$d::smallint, r.rollovers & %6$d::smallint)
                    is distinct from (%7$s, excluded.resets, excluded.rollovers)
                """.formatted(
                        String.join(", ", RollupColumns.VALUES),
                        String.join(", ", arrays),
                        RollupColumns.list(replaced, column -> column + " = excluded." + column),
                        kept,
                        RollupColumns.list(replaced, column -> "r." + column),
                        mask,
                        RollupColumns.list(replaced, column -> "excluded." + column));
    }

    /** The buckets as one array per column, in the order of {@link #fiveMinuteUpsert}'s parameters. */
    private static Object[] columns(DeviceId device, List<Bucket> buckets) {
        int n = buckets.size();
        var starts = new long[n];
        var samples = new int[n];
        var energy = new Long[RollupColumns.COUNTERS.size()][n];
        var resets = new short[n];
        var rollovers = new short[n];
        var gauges = new Float[RollupColumns.GAUGES.size() * 3][n];
        for (int i = 0; i < n; i++) {
            var bucket = buckets.get(i);
            starts[i] = EpochMicros.of(bucket.start());
            samples[i] = bucket.samples();
            for (int c = 0; c < RollupColumns.COUNTERS.size(); c++) {
                energy[c][i] = bucket.energy().get(RollupColumns.COUNTERS.get(c));
            }
            resets[i] = (short) RollupColumns.mask(bucket.resets());
            rollovers[i] = (short) RollupColumns.mask(bucket.rollovers());
            for (int g = 0; g < RollupColumns.GAUGES.size(); g++) {
                var stats = bucket.gauges().get(RollupColumns.GAUGES.get(g));
                gauges[3 * g][i] = stats == null ? null : (float) stats.avg();
                gauges[3 * g + 1][i] = stats == null ? null : (float) stats.min();
                gauges[3 * g + 2][i] = stats == null ? null : (float) stats.max();
            }
        }
        var parameters = new ArrayList<Object>();
        parameters.add(device.value());
        parameters.add(starts);
        parameters.add(samples);
        parameters.addAll(List.of(energy));
        parameters.add(resets);
        parameters.add(rollovers);
        parameters.addAll(List.of(gauges));
        return parameters.toArray();
    }
}
