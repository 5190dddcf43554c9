package org.gridvault.telemetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The value columns of the rollup tables, derived from {@link Metric} (see V2__telemetry_create_rollups.sql), and the
 * SQL fragments that move them between tiers.
 */
final class RollupColumns {

    static final List<Metric> COUNTERS =
            Arrays.stream(Metric.values()).filter(Metric::isCounter).toList();
    static final List<Metric> GAUGES =
            Arrays.stream(Metric.values()).filter(metric -> !metric.isCounter()).toList();

    /** Every value column, in table order: samples, energies, resets, rollovers, then avg/min/max per gauge. */
    static final List<String> VALUES = values();

    private RollupColumns() {}

    static String avg(Metric gauge) {
        return gauge.wireName() + "_avg";
    }

    static String min(Metric gauge) {
        return gauge.wireName() + "_min";
    }

    static String max(Metric gauge) {
        return gauge.wireName() + "_max";
    }

    /** Bit i is set for each metric of ordinal i. */
    static int mask(Set<Metric> metrics) {
        int mask = 0;
        for (var metric : metrics) {
            mask |= 1 << metric.ordinal();
        }
        return mask;
    }

    /** The metrics whose bits are set. */
    static Set<Metric> metrics(int mask) {
        return Arrays.stream(Metric.values())
                .filter(metric -> (mask & (1 << metric.ordinal())) != 0)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The aggregates that turn finer rows into one coarser row, in {@link #VALUES} order. */
    static String aggregates() {
        var parts = new ArrayList<String>();
        parts.add("sum(samples)::integer");
        COUNTERS.forEach(metric -> parts.add("sum(%s)::bigint".formatted(metric.wireName())));
        parts.add("bit_or(resets)");
        parts.add("bit_or(rollovers)");
        for (var gauge : GAUGES) {
            parts.add("(sum(%1$s::float8 * samples) / nullif(sum(samples) filter (where %1$s is not null), 0))::real"
                    .formatted(avg(gauge)));
            parts.add("min(%s)".formatted(min(gauge)));
            parts.add("max(%s)".formatted(max(gauge)));
        }
        return String.join(", ", parts);
    }

    static String list(List<String> columns, Function<String, String> format) {
        return columns.stream().map(format).collect(Collectors.joining(", "));
    }

    private static List<String> values() {
        var columns = new ArrayList<String>();
        columns.add("samples");
        COUNTERS.forEach(metric -> columns.add(metric.wireName()));
        columns.add("resets");
        columns.add("rollovers");
        for (var gauge : GAUGES) {
            columns.add(avg(gauge));
            columns.add(min(gauge));
            columns.add(max(gauge));
        }
        return List.copyOf(columns);
    }
}
