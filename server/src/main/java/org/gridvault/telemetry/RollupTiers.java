package org.gridvault.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.gridvault.devices.DeviceId;
import org.gridvault.privacy.HoldsPersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final JdbcTemplate template;
    private final Map<Integer, String> upsertsByMask = new ConcurrentHashMap<>();
    /** The cascade and calendar statements, built once per tier and source (they run with every rollup). */
    private final Map<String, String> statements = new ConcurrentHashMap<>();

    RollupTiers(JdbcTemplate template) {
        this.template = template;
    }

    /**
     * Upserts the 5-minute buckets of recomputed spans, one statement per set of recomputed counters. Readings and
     * gauges are replaced; of the energy columns and reset/rollover bits, only those of the span's {@link
     * Recomputation.Result#energyMetrics} (the others were not recomputed and keep their values). A device may appear
     * in one result only.
     */
    void writeFiveMinutes(List<Recomputation.Result> results) {
        var byMask = new TreeMap<Integer, List<Recomputation.Result>>();
        for (var result : results) {
            if (!result.buckets().isEmpty()) {
                byMask.computeIfAbsent(RollupColumns.mask(result.energyMetrics()), mask -> new ArrayList<>())
                        .add(result);
            }
        }
        byMask.forEach((mask, sameMask) -> {
            var sql = upsertsByMask.computeIfAbsent(mask, RollupTiers::fiveMinuteUpsert);
            template.update(connection -> {
                var statement = connection.prepareStatement(sql);
                var parameters = columns(sameMask);
                statement.setArray(1, connection.createArrayOf("uuid", (Object[]) parameters[0]));
                for (int i = 1; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement;
            });
        });
    }

    /**
     * Recomputes the 15-minute or hourly buckets that overlap each window from the next finer tier. The windows must
     * not overlap (a bucket would count twice); one per device does not.
     */
    void cascade(Resolution tier, List<DeviceWindow> windows) {
        if (windows.isEmpty()) {
            return;
        }
        var source = switch (tier) {
            case FIFTEEN_MINUTES -> Resolution.FIVE_MINUTES;
            case HOUR -> Resolution.FIFTEEN_MINUTES;
            default -> throw new IllegalArgumentException("Not a UTC tier above 5 minutes: " + tier);
        };
        long width = tier.fixedLength().toSeconds();
        var aligned = windows.stream()
                .map(window -> new DeviceWindow(
                        window.device(),
                        Instant.ofEpochSecond(Math.floorDiv(window.from().getEpochSecond(), width) * width),
                        Instant.ofEpochSecond(Math.floorDiv(window.to().getEpochSecond() + width - 1, width) * width)))
                .toList();
        var sql = statements.computeIfAbsent(tier + " from " + source, key -> """
                insert into telemetry.%1$s as r (device_id, bucket_start, %2$s)
                select s.device_id, date_bin(interval '%3$d seconds', s.bucket_start, %4$s), %5$s
                from %6$s
                join telemetry.%7$s s
                    on s.device_id = w.device_id and s.bucket_start >= w.from_ts and s.bucket_start < w.to_ts
                group by s.device_id, 2
                %8$s
                """.formatted(
                        tier.table(),
                        String.join(", ", RollupColumns.VALUES),
                        width,
                        TIME_ORIGIN,
                        RollupColumns.aggregates(),
                        DeviceWindow.RELATION,
                        source.table(),
                        replaceAll(List.of())));
        template.update(connection -> {
            var statement = connection.prepareStatement(sql);
            DeviceWindow.bind(statement, aligned);
            return statement;
        });
    }

    /** A local day or month of a device's site. */
    record DevicePeriod(DeviceId device, SiteCalendar.Period period) {}

    /** Recomputes local days from the coarsest UTC tier that nests in each. */
    void writeDays(List<DevicePeriod> days) {
        var bySource = new EnumMap<Resolution, List<DevicePeriod>>(Resolution.class);
        for (var day : days) {
            var source = SiteCalendar.finestNestingTier(
                    day.period().start(), day.period().end());
            bySource.computeIfAbsent(source, tier -> new ArrayList<>()).add(day);
        }
        bySource.forEach((source, sameSource) -> writeCalendar(Resolution.DAY, source, sameSource));
    }

    /** Recomputes local months from their days. */
    void writeMonths(List<DevicePeriod> months) {
        writeCalendar(Resolution.MONTH, Resolution.DAY, months);
    }

    /** Recomputes local days or months from {@code source}; a device's periods must not overlap. */
    private void writeCalendar(Resolution tier, Resolution source, List<DevicePeriod> periods) {
        if (periods.isEmpty()) {
            return;
        }
        var sql = statements.computeIfAbsent(tier + " from " + source, key -> """
                insert into telemetry.%1$s as r (device_id, bucket_start, local_date, %2$s)
                select w.device_id, w.from_ts, date '1970-01-01' + d.epoch_day, %3$s
                from %4$s
                join unnest(cast(? as int4[])) with ordinality as d(epoch_day, i) on d.i = w.i
                join telemetry.%5$s s
                    on s.device_id = w.device_id and s.bucket_start >= w.from_ts and s.bucket_start < w.to_ts
                group by w.device_id, w.from_ts, d.epoch_day
                %6$s
                """.formatted(
                        tier.table(),
                        String.join(", ", RollupColumns.VALUES),
                        RollupColumns.aggregates(),
                        DeviceWindow.RELATION,
                        source.table(),
                        replaceAll(List.of("local_date"))));
        var windows = periods.stream()
                .map(period -> new DeviceWindow(
                        period.device(),
                        period.period().start(),
                        period.period().end()))
                .toList();
        var days = periods.stream()
                .mapToInt(period -> Math.toIntExact(period.period().date().toEpochDay()))
                .toArray();
        template.update(connection -> {
            var statement = connection.prepareStatement(sql);
            DeviceWindow.bind(statement, windows);
            statement.setObject(4, days);
            return statement;
        });
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
        arrays.add("cast(? as uuid[])");
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
                select device_id, timestamptz 'epoch' + start_micros * interval '1 microsecond', %1$s
                from unnest(%2$s) as u(device_id, start_micros, %1$s)
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

    /** The results' buckets as one array per column, in the order of {@link #fiveMinuteUpsert}'s parameters. */
    private static Object[] columns(List<Recomputation.Result> results) {
        int n = results.stream().mapToInt(result -> result.buckets().size()).sum();
        var devices = new UUID[n];
        var starts = new long[n];
        var samples = new int[n];
        var energy = new Long[RollupColumns.COUNTERS.size()][n];
        var resets = new short[n];
        var rollovers = new short[n];
        var gauges = new Float[RollupColumns.GAUGES.size() * 3][n];
        int i = 0;
        for (var result : results) {
            for (var bucket : result.buckets()) {
                devices[i] = result.device().value();
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
                i++;
            }
        }
        var parameters = new ArrayList<Object>();
        parameters.add(devices);
        parameters.add(starts);
        parameters.add(samples);
        parameters.addAll(List.of(energy));
        parameters.add(resets);
        parameters.add(rollovers);
        parameters.addAll(List.of(gauges));
        return parameters.toArray();
    }
}
