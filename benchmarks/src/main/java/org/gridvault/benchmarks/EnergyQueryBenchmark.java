package org.gridvault.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Latency of the site energy API on a year of data: S sites with a grid meter and a PV inverter each, registered
 * through the REST API, and a year of rollups written straight into the rollup tables with SQL (15-minute buckets
 * from {@code generate_series}; hours, local days and months summed from them, as the rollup worker's cascade would),
 * which takes minutes, and measures the queries apart from ingest and the rollup worker. Then, after a warm-up,
 * N requests each of a random site's day at PT15M (96 intervals) and its year at P1D (365), one at a time over HTTP.
 *
 * <pre>java -cp benchmarks/target/gridvault-benchmarks.jar org.gridvault.benchmarks.EnergyQueryBenchmark \
 *     --sites=1000 --days=365 --requests=200 --warmup=50</pre>
 */
public final class EnergyQueryBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private record Site(String id, UUID gridMeter, UUID pvInverter) {}

    public static void main(String[] args) throws Exception {
        var options = Arguments.parse(args);
        var jar = Path.of(options.string("jar", "server/target/gridvault-server.jar"));
        int siteCount = options.integer("sites", 1_000);
        int days = options.integer("days", 365);
        int requests = options.integer("requests", 200);
        int warmup = options.integer("warmup", 50);
        int repeats = options.integer("repeats", 3);
        var workDir = options.workDirectory("gridvault-energy");
        var lastDay = LocalDate.now(ZONE);
        var firstDay = lastDay.minusDays(days);

        try (var server = ServerProcess.start(jar, workDir.resolve("server"), List.of(), Duration.ofMinutes(3))) {
            var api = new GridVaultApi(server.baseUrl());
            api.signUpAndIn("energy-" + System.nanoTime() + "@example.org", "benchmark-password-1");
            var sites = register(api, siteCount);
            generate(server.jdbcUrl(), sites, firstDay, lastDay);

            var random = new Random(42);
            for (int repeat = 1; repeat <= repeats; repeat++) {
                var day = new Latencies(requests);
                var year = new Latencies(requests);
                for (int i = 0; i < warmup + requests; i++) {
                    var site = sites.get(random.nextInt(sites.size()));
                    var date = firstDay.plusDays(random.nextInt(days));
                    var dayNanos = timed(
                            api,
                            "/api/v1/sites/%s/energy?from=%s&to=%s&interval=PT15M"
                                    .formatted(site.id(), date, date.plusDays(1)));
                    var yearNanos = timed(
                            api,
                            "/api/v1/sites/%s/energy?from=%s&to=%s&interval=P1D"
                                    .formatted(site.id(), firstDay, lastDay));
                    if (i >= warmup) {
                        day.record(dayNanos);
                        year.record(yearNanos);
                    }
                }
                System.out.printf("Repeat %d, %d requests each after %d warm-up:%n", repeat, requests, warmup);
                System.out.printf("  a site's day at PT15M (96 intervals):  %s%n", day.summary());
                System.out.printf("  a site's year at P1D (%d intervals):  %s%n", days, year.summary());
            }
            var sample = api.getJson("/api/v1/sites/%s/energy?from=%s&to=%s&interval=P1D"
                    .formatted(sites.getFirst().id(), firstDay, lastDay));
            System.out.printf(
                    "Check: the first site's year has %d intervals; first %s%n", sample.size(), sample.get(0));
            changeTimeZones(api, server.jdbcUrl(), sites, options.integer("zone-changes", 5), firstDay, lastDay);
        }
    }

    /**
     * Moves {@code count} sites to another time zone, one at a time, and measures how long the request takes and how
     * long the background rebuild of their days and months (a year of two devices) takes until its queue row is
     * gone; prints the year's production before and after, which differ only by the hours the shifted year gains or
     * loses at its ends.
     */
    private static void changeTimeZones(
            GridVaultApi api, String jdbcUrl, List<Site> sites, int count, LocalDate firstDay, LocalDate lastDay)
            throws Exception {
        if (count == 0) {
            return;
        }
        var requests = new Latencies(count);
        var rebuilds = new Latencies(count);
        try (var db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                var pending =
                        db.prepareStatement("select count(*) from telemetry.calendar_rebuilds where site_id = ?")) {
            for (var site : sites.subList(sites.size() - count, sites.size())) {
                var yearPath =
                        "/api/v1/sites/%s/energy?from=%s&to=%s&interval=P1D".formatted(site.id(), firstDay, lastDay);
                var before = production(api.getJson(yearPath));
                var started = System.nanoTime();
                api.changeTimeZone(site.id(), "America/New_York");
                requests.record(System.nanoTime() - started);
                pending.setObject(1, UUID.fromString(site.id()));
                while (true) {
                    try (var rows = pending.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) == 0) {
                            break;
                        }
                    }
                    Thread.sleep(10);
                }
                rebuilds.record(System.nanoTime() - started);
                var year = api.getJson(yearPath);
                System.out.printf(
                        "  site %s: the year's production %,d Wh in Berlin days, %,d Wh in New York days (first %s)%n",
                        site.id(),
                        before,
                        production(year),
                        year.get(0).path("start").asString());
            }
        }
        System.out.printf("Time zone changes of %d sites with a year of two devices, one at a time:%n", count);
        System.out.printf("  the PATCH request:                         %s%n", requests.summary());
        System.out.printf("  from the request until the days are rebuilt: %s%n", rebuilds.summary());
    }

    private static long production(tools.jackson.databind.JsonNode intervals) {
        return intervals
                .valueStream()
                .mapToLong(day -> day.path("productionWh").asLong())
                .sum();
    }

    private static long timed(GridVaultApi api, String path) throws Exception {
        var started = System.nanoTime();
        var status = api.get(path);
        var nanos = System.nanoTime() - started;
        if (status != 200) {
            throw new IllegalStateException("GET " + path + " answered " + status);
        }
        return nanos;
    }

    private static List<Site> register(GridVaultApi api, int count) throws Exception {
        var started = System.nanoTime();
        var limit = new Semaphore(8);
        var futures = new ArrayList<Future<Site>>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                var index = i;
                limit.acquire();
                futures.add(executor.submit(() -> {
                    try {
                        var site = api.createSite("Home %05d".formatted(index), ZONE.getId());
                        var grid = api.registerDevice(site, "grid-%06d".formatted(index), "grid_meter");
                        var pv = api.registerDevice(site, "pv-%06d".formatted(index), "pv_inverter");
                        return new Site(site, UUID.fromString(grid.id()), UUID.fromString(pv.id()));
                    } finally {
                        limit.release();
                    }
                }));
            }
        }
        var sites = new ArrayList<Site>();
        for (var future : futures) {
            sites.add(future.get());
        }
        System.out.printf(
                "Registered %,d sites with a grid meter and a PV inverter in %.1f s%n",
                count, (System.nanoTime() - started) / 1e9);
        return sites;
    }

    /** Writes the rollup tiers for all devices, half of the sites on each of two connections. */
    private static void generate(String jdbcUrl, List<Site> sites, LocalDate firstDay, LocalDate lastDay)
            throws Exception {
        var started = System.nanoTime();
        try (var executor = Executors.newFixedThreadPool(2)) {
            var halves = List.of(sites.subList(0, sites.size() / 2), sites.subList(sites.size() / 2, sites.size()));
            var futures = new ArrayList<Future<?>>();
            for (var half : halves) {
                futures.add(executor.submit(() -> {
                    try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                        for (int from = 0; from < half.size(); from += 50) {
                            generate(
                                    connection,
                                    half.subList(from, Math.min(half.size(), from + 50)),
                                    firstDay,
                                    lastDay);
                        }
                    }
                    return null;
                }));
            }
            for (var future : futures) {
                future.get();
            }
        }
        try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute("analyze telemetry.rollup_15m, telemetry.rollup_1h, telemetry.rollup_day,"
                    + " telemetry.rollup_month");
            var rows = statement.executeQuery(
                    "select (select count(*) from telemetry.rollup_15m),"
                            + " (select count(*) from telemetry.rollup_day),"
                            + " pg_total_relation_size('telemetry.rollup_15m') + pg_total_relation_size('telemetry.rollup_1h')"
                            + " + pg_total_relation_size('telemetry.rollup_day') + pg_total_relation_size('telemetry.rollup_month')");
            rows.next();
            System.out.printf(
                    "Generated %,d 15-minute and %,d day rollups (%,d MiB in all tiers) in %.0f s%n",
                    rows.getLong(1), rows.getLong(2), rows.getLong(3) >> 20, (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * One batch of sites, in one transaction: PV follows the sun (local hour), the meter imports what the house uses
     * beyond it and exports the surplus.
     */
    private static void generate(Connection connection, List<Site> sites, LocalDate firstDay, LocalDate lastDay)
            throws Exception {
        connection.setAutoCommit(false);
        var grid = connection.createArrayOf(
                "uuid", sites.stream().map(Site::gridMeter).toArray());
        var pv = connection.createArrayOf(
                "uuid", sites.stream().map(Site::pvInverter).toArray());
        var devices = connection.createArrayOf(
                "uuid",
                sites.stream()
                        .flatMap(s -> java.util.stream.Stream.of(s.gridMeter(), s.pvInverter()))
                        .toArray());
        try (var quarter = connection.prepareStatement("""
                        insert into telemetry.rollup_15m (device_id, bucket_start, samples, energy_import_wh,
                            energy_export_wh, energy_produced_wh, power_w_avg, power_w_min, power_w_max)
                        select g.id, b, 15,
                            case when g.grid then greatest(0, use_wh - pv_wh) end,
                            case when g.grid then greatest(0, pv_wh - use_wh) end,
                            case when not g.grid then pv_wh end,
                            4 * (case when g.grid then use_wh - pv_wh else pv_wh end),
                            3 * (case when g.grid then use_wh - pv_wh else pv_wh end),
                            5 * (case when g.grid then use_wh - pv_wh else pv_wh end)
                        from (select id, true as grid from unnest(?::uuid[]) id
                              union all select id, false from unnest(?::uuid[]) id) g,
                            generate_series((?::date)::timestamp at time zone 'Europe/Berlin',
                                (?::date)::timestamp at time zone 'Europe/Berlin' - interval '15 minutes',
                                interval '15 minutes') b,
                            lateral (select (60 + 60 * random())::int as use_wh,
                                greatest(0, 400 * sin(pi() * (extract(hour from b at time zone 'Europe/Berlin')
                                    + extract(minute from b) / 60 - 6) / 12))::int as pv_wh) v
                        """)) {
            quarter.setArray(1, grid);
            quarter.setArray(2, pv);
            quarter.setString(3, firstDay.toString());
            quarter.setString(4, lastDay.toString());
            quarter.executeUpdate();
            // Coarser tiers are sums of finer ones, as the rollup worker's cascade computes them.
            for (var sql : List.of("""
                    insert into telemetry.rollup_1h (device_id, bucket_start, samples, energy_import_wh,
                        energy_export_wh, energy_produced_wh, power_w_avg, power_w_min, power_w_max)
                    select device_id, date_trunc('hour', bucket_start), sum(samples), sum(energy_import_wh),
                        sum(energy_export_wh), sum(energy_produced_wh), avg(power_w_avg), min(power_w_min),
                        max(power_w_max)
                    from telemetry.rollup_15m where device_id = any(?)
                    group by 1, 2""", """
                    insert into telemetry.rollup_day (device_id, bucket_start, samples, energy_import_wh,
                        energy_export_wh, energy_produced_wh, power_w_avg, power_w_min, power_w_max, local_date)
                    select device_id, local_date::timestamp at time zone 'Europe/Berlin', sum(samples),
                        sum(energy_import_wh), sum(energy_export_wh), sum(energy_produced_wh), avg(power_w_avg),
                        min(power_w_min), max(power_w_max), local_date
                    from (select *, (bucket_start at time zone 'Europe/Berlin')::date as local_date
                          from telemetry.rollup_15m where device_id = any(?)) q
                    group by device_id, local_date""", """
                    insert into telemetry.rollup_month (device_id, bucket_start, samples, energy_import_wh,
                        energy_export_wh, energy_produced_wh, power_w_avg, power_w_min, power_w_max, local_date)
                    select device_id, date_trunc('month', local_date)::timestamp at time zone 'Europe/Berlin',
                        sum(samples), sum(energy_import_wh), sum(energy_export_wh), sum(energy_produced_wh),
                        avg(power_w_avg), min(power_w_min), max(power_w_max), date_trunc('month', local_date)::date
                    from telemetry.rollup_day where device_id = any(?)
                    group by device_id, date_trunc('month', local_date)""")) {
                try (var cascade = connection.prepareStatement(sql)) {
                    cascade.setArray(1, devices);
                    cascade.executeUpdate();
                }
            }
            connection.commit();
        } catch (Exception e) {
            connection.rollback();
            throw e;
        }
    }
}
