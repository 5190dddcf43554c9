package org.gridvault.benchmarks;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * End to end: GridVault as its own process (embedded PostgreSQL, embedded broker), D grid meters registered through
 * the REST API, one MQTT connection each, 8-value readings at QoS 1 (one per message unless
 * {@code --readings-per-message} says otherwise). Per round it measures the acknowledged (= durable) rate,
 * publish-to-PUBACK latency and CPU per reading of the server JVM (by thread pool) and of PostgreSQL, then, in the same
 * database, R2: a raw binary COPY of as many rows into a fresh table like {@code telemetry.samples} over two
 * connections. Then a paced run at a fixed rate (half the median maximum unless given) with per-period latency and heap
 * samples; run it for an hour at 80 % as a soak.
 *
 * <pre>java -cp benchmarks/target/gridvault-benchmarks.jar org.gridvault.benchmarks.IngestBenchmark \
 *     --devices=1000 --readings=1000000 --rounds=3 --window=8 --paced-fraction=0.5 --paced-duration=3m</pre>
 */
public final class IngestBenchmark {

    private record Round(MaxRateRun.Result ingest, double r2RowsPerSecond, CpuSample r2Cpu) {

        double ratio() {
            return ingest.readingsPerSecond() / r2RowsPerSecond;
        }
    }

    public static void main(String[] args) throws Exception {
        var options = Arguments.parse(args);
        var jar = Path.of(options.string("jar", "server/target/gridvault-server.jar"));
        int perMessage = options.integer("readings-per-message", 1);
        long readings = options.integer("readings", 1_000_000);
        var mode = options.string("mode", "both");
        var workDir = options.workDirectory("gridvault-ingest");
        var jvmOptions = new ArrayList<String>();
        if (!options.string("server-jvm-options", "").isBlank()) {
            jvmOptions.addAll(Arrays.asList(
                    options.string("server-jvm-options", "").strip().split("\\s+")));
        }

        System.out.printf("Starting %s (data in %s)%n", jar, workDir);
        try (var server = ServerProcess.start(jar, workDir.resolve("server"), jvmOptions, Duration.ofMinutes(3));
                var fleet = Fleet.registerAndConnect(server, options.integer("devices", 1_000), perMessage)) {
            System.out.printf("Server pid %d, PostgreSQL postmaster pid %d%n", server.pid(), server.postmasterPid());
            try (var admin = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
                System.out.println(RowLayoutBenchmark.version(admin));
            }
            var results = new ArrayList<Round>();
            if (!mode.equals("paced")) {
                // Profile only the load, not start-up and registration.
                var jfr = workDir.resolve("server.jfr").toAbsolutePath();
                if (options.flag("jfr")) {
                    server.jcmd("JFR.start", "name=ingest", "settings=profile");
                }
                for (int round = 1; round <= options.integer("rounds", 3); round++) {
                    results.add(round(server, fleet, readings, perMessage, options, round));
                }
                if (options.flag("jfr")) {
                    server.jcmd("JFR.stop", "name=ingest", "filename=" + jfr);
                    System.out.printf("Server profile of the rounds (R2 included): %s%n", jfr);
                }
                summarise(server, results, readings, fleet.size(), options);
            }
            if (!mode.equals("max")) {
                paced(server, fleet, perMessage, results, options);
            }
        }
    }

    private static Round round(
            ServerProcess server, Fleet fleet, long readings, int perMessage, Arguments options, int round)
            throws Exception {
        int window = options.integer("window", 8);
        var messages = readings / perMessage;
        var warmup = Math.max(messages / 10, (long) fleet.size() * window * 2);
        var postmaster = server.postmasterPid();
        System.out.printf(
                "%nRound %d: %,d messages of %d reading(s) (%,d warm-up) from %,d devices, %d in flight each%n",
                round, messages + warmup, perMessage, warmup, fleet.size(), window);
        var ingest = new MaxRateRun(fleet.devices(), perMessage)
                .run(
                        messages + warmup,
                        warmup,
                        window,
                        options.duration("round-time-limit", Duration.ofMinutes(10)),
                        () -> CpuSample.take(server.pid(), postmaster));
        System.out.printf(
                "  ingest: %,.0f readings/s = %,.0f values/s over %.1f s; publish->PUBACK %s; %,d refused and resent%s%n",
                ingest.readingsPerSecond(),
                ingest.readingsPerSecond() * MeterReading.VALUES,
                ingest.seconds(),
                ingest.latency(),
                ingest.refused(),
                ingest.completed() ? "" : "; STOPPED AT THE TIME LIMIT");
        System.out.printf(
                "  CPU per durable reading: server JVM %.1f us (%s), PostgreSQL %.1f us, load generator %.1f us%n",
                ingest.microsPerReading(ingest.cpu().serverMicros()),
                topPools(ingest),
                ingest.microsPerReading(ingest.cpu().postgresMicros()),
                ingest.microsPerReading(ingest.cpu().generatorMicros()));
        System.out.printf("  %s%n", storedSoFar(server));
        var before = CpuSample.take(server.pid(), postmaster);
        var r2 = new RawCopyBaseline(server.jdbcUrl()).rowsPerSecond(ingest.readings(), fleet.size());
        var r2Cpu = CpuSample.take(server.pid(), postmaster).minus(before);
        System.out.printf(
                "  R2 (raw binary COPY, 2 connections, 10k rows per transaction): %,.0f rows/s,"
                        + " PostgreSQL %.1f us per row; ingest/R2 = %.3f%n",
                r2, (double) r2Cpu.postgresMicros() / ingest.readings(), ingest.readingsPerSecond() / r2);
        return new Round(ingest, r2, r2Cpu);
    }

    /** The server's busiest thread pools in the round, in microseconds per reading. */
    static String topPools(MaxRateRun.Result ingest) {
        return ingest.cpu().serverThreadMicros().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(5)
                .map(pool -> "%s %.1f".formatted(pool.getKey(), ingest.microsPerReading(pool.getValue())))
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    /** Rows stored, what the server counted as duplicates and gaps, and how many readings a write transaction had. */
    private static String storedSoFar(ServerProcess server) throws Exception {
        try (var admin = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
                var statement = admin.createStatement()) {
            var stored = new PartitionedTable("telemetry.samples").count(admin);
            // Device states are flushed every few seconds, so these may lag a little behind.
            var rows = statement.executeQuery(
                    "select coalesce(sum(duplicates), 0), coalesce(sum(seq_gaps), 0) from telemetry.device_state");
            rows.next();
            var duplicates = rows.getLong(1);
            var gaps = rows.getLong(2);
            // The writer adds one rollup_queue row per transaction: the id sequence counts the transactions so far
            // (the rows themselves are deleted once rolled up).
            rows = statement.executeQuery(
                    "select case when is_called then last_value else 0 end from telemetry.rollup_queue_id_seq");
            rows.next();
            var transactions = Math.max(1, rows.getLong(1));
            // The rollup worker must keep up, or the ingest rate would be bought with a growing backlog.
            rows = statement.executeQuery("select count(*), coalesce(extract(epoch from now() - min(enqueued_at)), 0)"
                    + " from telemetry.rollup_queue");
            rows.next();
            return "telemetry.samples holds %,d rows (warm-up included); server counted %d duplicates, %d sequence gaps;"
                            .formatted(stored, duplicates, gaps)
                    + " %,d write transactions so far, %.0f readings each on average;"
                            .formatted(transactions, (double) stored / transactions)
                    + " rollup backlog %,d batches, oldest %.0f s".formatted(rows.getLong(1), rows.getDouble(2));
        }
    }

    private static void summarise(
            ServerProcess server, List<Round> rounds, long readings, int devices, Arguments options) throws Exception {
        long stored, storedBytes, rawBytes;
        try (var admin = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
            var samples = new PartitionedTable("telemetry.samples");
            stored = samples.count(admin);
            storedBytes = samples.bytesOnDisk(admin);
            rawBytes = RawCopyBaseline.TABLE.bytesOnDisk(admin);
        }
        var rawRows = rounds.getLast().ingest().readings();
        System.out.printf(
                "%nSummary: %d rounds of %,d measured readings, %,d devices, window %d, %d reading(s) per message"
                        + " (medians)%n",
                rounds.size(),
                readings,
                devices,
                options.integer("window", 8),
                options.integer("readings-per-message", 1));
        var ingestRate = median(rounds, r -> r.ingest().readingsPerSecond());
        System.out.printf(
                "  ingest           %,10.0f readings/s  %,11.0f values/s%n",
                ingestRate, ingestRate * MeterReading.VALUES);
        System.out.printf("  R2 raw COPY      %,10.0f rows/s%n", median(rounds, Round::r2RowsPerSecond));
        System.out.printf(
                "  ingest / R2      %.3f (median of the per-round ratios: %s)%n",
                median(rounds, Round::ratio),
                Arrays.toString(
                        rounds.stream().map(r -> "%.3f".formatted(r.ratio())).toArray()));
        System.out.printf(
                "  publish->PUBACK  p50 %.1f ms, p99 %.1f ms%n",
                median(rounds, r -> r.ingest().latency().p50Millis()),
                median(rounds, r -> r.ingest().latency().p99Millis()));
        System.out.printf(
                "  CPU per reading  server JVM %.1f us, PostgreSQL %.1f us (raw COPY: %.1f us per row)%n",
                median(rounds, r -> r.ingest().microsPerReading(r.ingest().cpu().serverMicros())),
                median(rounds, r -> r.ingest().microsPerReading(r.ingest().cpu().postgresMicros())),
                median(
                        rounds,
                        r -> (double) r.r2Cpu().postgresMicros() / r.ingest().readings()));
        System.out.printf(
                "  on disk          %.1f bytes/value in telemetry.samples (%,d rows), %.1f in the R2 table%n",
                (double) storedBytes / stored / MeterReading.VALUES,
                stored,
                (double) rawBytes / rawRows / MeterReading.VALUES);
    }

    private static void paced(ServerProcess server, Fleet fleet, int perMessage, List<Round> rounds, Arguments options)
            throws InterruptedException {
        var rate = (double) options.integer("paced-rate", 0);
        if (rate <= 0) {
            if (rounds.isEmpty()) {
                throw new IllegalArgumentException("--mode=paced needs --paced-rate=N (readings per second)");
            }
            var fraction = Double.parseDouble(options.string("paced-fraction", "0.5"));
            rate = fraction * median(rounds, r -> r.ingest().readingsPerSecond());
        }
        var duration = options.duration("paced-duration", Duration.ofMinutes(3));
        var sampleEvery = options.duration("sample-every", Duration.ofMinutes(1));
        System.out.printf(
                "%nPaced: %,.0f readings/s for %s after a %s ramp, sampled every %s%n",
                rate, duration, options.duration("paced-warmup", Duration.ofSeconds(30)), sampleEvery);
        var warmup = options.duration("paced-warmup", Duration.ofSeconds(30));
        var result = new PacedRun(fleet.devices())
                .run(
                        rate / perMessage,
                        warmup,
                        duration,
                        sampleEvery,
                        fleet.size() * (long) options.integer("max-unacknowledged-per-device", 200),
                        () -> ServerHeap.sample(server.baseUrl()));
        System.out.printf(
                "  messages sent %,d, acknowledged %,d, refused and resent %,d in %.1f s%s%n",
                result.sent(),
                result.acknowledged(),
                result.refused(),
                result.seconds(),
                result.fellBehind() ? "; FELL BEHIND (too many unacknowledged), stopped early" : "");
        System.out.printf("  publish->PUBACK at %,.0f readings/s: %s%n", rate, result.latency());
        var heaps = result.periods().stream().map(PacedRun.Period::heap).toList();
        if (!heaps.isEmpty()) {
            System.out.printf("  heap: first period %s; last %s%n", heaps.getFirst(), heaps.getLast());
        }
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> value) {
        return RowLayoutBenchmark.median(rounds.stream().mapToDouble(value).toArray());
    }
}
