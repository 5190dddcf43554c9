package org.gridvault.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * End to end: GridVault as its own process (embedded PostgreSQL, embedded broker), D grid meters registered through
 * the REST API, one MQTT connection each, one 8-value reading per QoS 1 message. Measures, per round, the
 * acknowledged (= durable) rate, publish-to-PUBACK latency and CPU per message of the server JVM and of PostgreSQL,
 * then in the same database R2: a raw binary COPY of as many rows into a fresh table like {@code telemetry.samples}.
 * Then a paced run at a fixed rate (half the median maximum unless given) with per-period latency and heap samples;
 * run it for an hour at 80 % as a soak.
 *
 * <pre>java -cp benchmarks/target/gridvault-benchmarks.jar org.gridvault.benchmarks.IngestBenchmark \
 *     --devices=1000 --readings=1000000 --rounds=3 --window=4 --paced-fraction=0.5 --paced-duration=3m</pre>
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
        int deviceCount = options.integer("devices", 1_000);
        long readings = options.integer("readings", 1_000_000);
        int rounds = options.integer("rounds", 3);
        int window = options.integer("window", 4);
        var mode = options.string("mode", "both");
        var workDir = Path.of(options.string(
                "work-dir", Files.createTempDirectory("gridvault-ingest").toString()));
        var jvmOptions = new ArrayList<String>();
        if (!options.string("server-jvm-options", "").isBlank()) {
            jvmOptions.addAll(Arrays.asList(
                    options.string("server-jvm-options", "").strip().split("\\s+")));
        }

        System.out.printf("Starting %s (data in %s)%n", jar, workDir);
        try (var server = ServerProcess.start(jar, workDir.resolve("server"), jvmOptions, Duration.ofMinutes(3))) {
            var postmaster = server.postmasterPid();
            System.out.printf(
                    "Server pid %d, PostgreSQL postmaster pid %d, MQTT port %d%n",
                    server.pid(), postmaster, server.mqttPort());
            try (var admin = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
                System.out.println(RowLayoutBenchmark.version(admin));
            }
            var devices = registerAndConnect(server, deviceCount);
            try {
                var results = new ArrayList<Round>();
                if (!mode.equals("paced")) {
                    // Profile only the load, not start-up and registration: JFR from the first round to the last.
                    var jfr = workDir.resolve("server.jfr").toAbsolutePath();
                    if (options.flag("jfr")) {
                        server.jcmd("JFR.start", "name=ingest", "settings=profile");
                    }
                    for (int round = 1; round <= rounds; round++) {
                        results.add(round(server, postmaster, devices, readings, window, options, round));
                    }
                    if (options.flag("jfr")) {
                        server.jcmd("JFR.stop", "name=ingest", "filename=" + jfr);
                        System.out.printf("Server profile of the rounds (R2 included): %s%n", jfr);
                    }
                    summarise(server, results, readings, deviceCount, window);
                }
                if (!mode.equals("max")) {
                    paced(server, devices, results, options);
                }
            } finally {
                var disconnects = devices.stream().map(MqttDevice::disconnect).toArray(CompletableFuture[]::new);
                CompletableFuture.allOf(disconnects)
                        .orTimeout(30, TimeUnit.SECONDS)
                        .exceptionally(e -> null)
                        .join();
            }
        }
    }

    private static List<MqttDevice> registerAndConnect(ServerProcess server, int count) throws Exception {
        var api = new GridVaultApi(server.baseUrl());
        api.signUpAndIn("bench-" + System.nanoTime() + "@example.org", "benchmark-password-1");
        var started = System.nanoTime();
        var credentials = new GridVaultApi.DeviceCredentials[count];
        var limit = new Semaphore(8);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                var index = i;
                limit.acquire();
                executor.submit(() -> {
                    try {
                        var site = api.createSite("Home %05d".formatted(index), "Europe/Berlin");
                        credentials[index] = api.registerDevice(site, "meter-%06d".formatted(index), "grid_meter");
                    } finally {
                        limit.release();
                    }
                    return null;
                });
            }
        }
        System.out.printf(
                "Registered %,d sites with a grid meter each in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
        // Steps are one second apart, starting 30 days back: even an hour-long soak stays in the past.
        var firstTs = Instant.now().minus(Duration.ofDays(30));
        var devices = new ArrayList<MqttDevice>();
        started = System.nanoTime();
        for (int i = 0; i < count; i += 100) {
            var chunk = new ArrayList<CompletableFuture<?>>();
            for (int j = i; j < Math.min(count, i + 100); j++) {
                var device = new MqttDevice(j, credentials[j], server.mqttPort(), firstTs, Duration.ofSeconds(1));
                devices.add(device);
                chunk.add(device.connect());
            }
            CompletableFuture.allOf(chunk.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        System.out.printf("Connected %,d MQTT clients in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
        return devices;
    }

    private static Round round(
            ServerProcess server,
            long postmaster,
            List<MqttDevice> devices,
            long readings,
            int window,
            Arguments options,
            int round)
            throws Exception {
        var warmup = Math.max(readings / 10, (long) devices.size() * window * 2);
        var timeLimit = options.duration("round-time-limit", Duration.ofMinutes(10));
        System.out.printf(
                "%nRound %d: %,d readings (%,d warm-up) from %,d devices, %d in flight each%n",
                round, readings + warmup, warmup, devices.size(), window);
        var ingest = new MaxRateRun(devices)
                .run(readings + warmup, warmup, window, timeLimit, () -> CpuSample.take(server.pid(), postmaster));
        long stored;
        String sequenceCounters;
        try (var admin = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
                var statement = admin.createStatement()) {
            stored = new PartitionedTable("telemetry.samples").count(admin);
            // Device states are flushed every few seconds, so these may lag a little behind.
            var rows = statement.executeQuery(
                    "select coalesce(sum(duplicates), 0), coalesce(sum(seq_gaps), 0) from telemetry.device_state");
            rows.next();
            sequenceCounters =
                    "server counted %d duplicates, %d sequence gaps".formatted(rows.getLong(1), rows.getLong(2));
            // The writer adds one rollup_queue row per transaction: its id counts the transactions so far.
            rows = statement.executeQuery("select coalesce(max(id), 0) from telemetry.rollup_queue");
            rows.next();
            sequenceCounters += "; %,d write transactions so far, %.0f readings each on average"
                    .formatted(rows.getLong(1), (double) stored / Math.max(1, rows.getLong(1)));
        }
        System.out.printf(
                "  ingest: %,.0f readings/s = %,.0f values/s over %.1f s; publish->PUBACK %s; %,d refused and resent%s%n",
                ingest.readingsPerSecond(),
                ingest.readingsPerSecond() * MeterReading.VALUES,
                ingest.seconds(),
                ingest.latency(),
                ingest.refused(),
                ingest.completed() ? "" : "; STOPPED AT THE TIME LIMIT");
        System.out.printf(
                "  CPU per durable message: server JVM %.1f us, PostgreSQL %.1f us, load generator %.1f us;"
                        + " rows in telemetry.samples: %,d (%s)%n",
                ingest.micros(ingest.cpu().serverMicros()),
                ingest.micros(ingest.cpu().postgresMicros()),
                ingest.micros(ingest.cpu().generatorMicros()),
                stored,
                sequenceCounters);
        var before = CpuSample.take(server.pid(), postmaster);
        var r2 = new RawCopyBaseline(server.jdbcUrl()).rowsPerSecond(readings, devices.size());
        var r2Cpu = CpuSample.take(server.pid(), postmaster).minus(before);
        System.out.printf(
                "  R2 (raw binary COPY, 2 connections, 10k rows per transaction): %,.0f rows/s,"
                        + " PostgreSQL %.1f us per row; ingest/R2 = %.3f%n",
                r2, (double) r2Cpu.postgresMicros() / readings, ingest.readingsPerSecond() / r2);
        return new Round(ingest, r2, r2Cpu);
    }

    private static void summarise(ServerProcess server, List<Round> rounds, long readings, int devices, int window)
            throws Exception {
        long stored, storedBytes, rawBytes;
        try (var admin = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
            var samples = new PartitionedTable("telemetry.samples");
            stored = samples.count(admin);
            storedBytes = samples.bytesOnDisk(admin);
            rawBytes = RawCopyBaseline.TABLE.bytesOnDisk(admin);
        }
        long acknowledgedAll =
                rounds.stream().mapToLong(r -> r.ingest().acknowledged()).sum();
        System.out.printf(
                "%nSummary: %d rounds of %,d measured readings, %,d devices, window %d (medians)%n",
                rounds.size(), readings, devices, window);
        System.out.printf(
                "  ingest           %,10.0f readings/s  %,11.0f values/s%n",
                median(rounds, r -> r.ingest().readingsPerSecond()),
                median(rounds, r -> r.ingest().readingsPerSecond()) * MeterReading.VALUES);
        System.out.printf("  R2 raw COPY      %,10.0f rows/s%n", median(rounds, Round::r2RowsPerSecond));
        System.out.printf("  ingest / R2      %.3f (per-round ratios, median)%n", median(rounds, Round::ratio));
        System.out.printf(
                "  publish->PUBACK  p50 %.1f ms, p99 %.1f ms%n",
                median(rounds, r -> r.ingest().latency().p50Millis()),
                median(rounds, r -> r.ingest().latency().p99Millis()));
        System.out.printf(
                "  CPU per message  server JVM %.1f us, PostgreSQL %.1f us (raw COPY: %.1f us per row)%n",
                median(rounds, r -> r.ingest().micros(r.ingest().cpu().serverMicros())),
                median(rounds, r -> r.ingest().micros(r.ingest().cpu().postgresMicros())),
                median(rounds, r -> (double) r.r2Cpu().postgresMicros() / readings));
        System.out.printf(
                "  on disk          %.1f bytes/value in telemetry.samples (%,d rows), %.1f in the R2 table%n",
                (double) storedBytes / stored / MeterReading.VALUES,
                stored,
                (double) rawBytes / readings / MeterReading.VALUES);
        System.out.printf(
                "  stored rows      %,d for %,d measured acknowledgements (+ warm-up)%n", stored, acknowledgedAll);
    }

    private static void paced(ServerProcess server, List<MqttDevice> devices, List<Round> rounds, Arguments options)
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
        System.out.printf("%nPaced: %,.0f readings/s for %s, sampled every %s%n", rate, duration, sampleEvery);
        var result = new PacedRun(devices)
                .run(rate, duration, sampleEvery, devices.size() * 50L, () -> ServerHeap.sample(server.baseUrl()));
        System.out.printf(
                "  sent %,d, acknowledged %,d, refused and resent %,d in %.1f s%s%n",
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

    private static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> value) {
        return RowLayoutBenchmark.median(rounds.stream().mapToDouble(value).toArray());
    }
}
