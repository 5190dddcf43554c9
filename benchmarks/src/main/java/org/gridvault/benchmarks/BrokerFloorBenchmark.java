package org.gridvault.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * How fast the embedded broker alone can acknowledge one-reading messages on this machine, with the same load
 * generator and, in the same run, the same R2 as {@link IngestBenchmark}: the ceiling that no work of GridVault's
 * (decoding, storage, rollups) can raise. Runs {@link BareBroker} once per {@code --holds} entry (see {@link Hold}; 20
 * ms is GridVault's writer linger).
 *
 * <p>Per round it prints messages/s, publish-to-PUBACK latency, CPU microseconds per message of the broker JVM (by
 * thread pool) and of the load generator, R2 and the ratio to it.
 *
 * <pre>java -cp benchmarks/target/gridvault-benchmarks.jar org.gridvault.benchmarks.BrokerFloorBenchmark \
 *     --devices=1000 --window=8 --messages=1500000 --rounds=3 --holds=receipt,publish:20,puback:20</pre>
 */
public final class BrokerFloorBenchmark {

    /**
     * How the broker acknowledges: {@code receipt} at once; {@code publish:N} holds every message in an asynchronous
     * publish interceptor, as GridVault does, and releases all held every N ms, as a write transaction commits;
     * {@code puback:N} lets every message through and holds its PUBACK instead, until the release after it arrived.
     */
    record Hold(String kind, int releaseEveryMillis) {

        static Hold parse(String text) {
            var parts = text.strip().split(":");
            var hold = new Hold(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
            if (!List.of("receipt", "publish", "puback").contains(hold.kind())
                    || (hold.releaseEveryMillis() > 0) == hold.kind().equals("receipt")) {
                throw new IllegalArgumentException("--holds takes receipt, publish:N or puback:N; got " + text);
            }
            return hold;
        }

        @Override
        public String toString() {
            return kind.equals("receipt") ? kind : kind + ":" + releaseEveryMillis;
        }

        String description() {
            return switch (kind) {
                case "receipt" -> "acknowledging on receipt";
                case "publish" ->
                    "holding every message until the next release, every %d ms".formatted(releaseEveryMillis);
                default ->
                    "holding every PUBACK until the release after its message, every %d ms"
                            .formatted(releaseEveryMillis);
            };
        }
    }

    private record Round(Hold hold, MaxRateRun.Result acked, double r2RowsPerSecond) {

        double ratio() {
            return acked.readingsPerSecond() / r2RowsPerSecond;
        }

        double brokerMicros() {
            return acked.microsPerReading(acked.cpu().serverMicros());
        }

        double generatorMicros() {
            return acked.microsPerReading(acked.cpu().generatorMicros());
        }
    }

    public static void main(String[] args) throws Exception {
        var options = Arguments.parse(args);
        int devices = options.integer("devices", 1_000);
        int window = options.integer("window", 8);
        long messages = options.integer("messages", 1_500_000);
        var workDir = options.workDirectory("gridvault-broker-floor");
        var schema =
                new TelemetrySchema(Files.readString(Path.of(options.string("migration", TelemetrySchema.MIGRATION))));
        var jvmOptions = options.string("broker-jvm-options", "").isBlank()
                ? List.<String>of()
                : List.of(options.string("broker-jvm-options", "").strip().split("\\s+"));

        try (var postgres = DurablePostgres.start(workDir.resolve("postgres"))) {
            try (var admin = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
                System.out.println(RowLayoutBenchmark.version(admin));
                schema.recreate(admin);
            }
            var postmaster = Long.parseLong(Files.readAllLines(workDir.resolve("postgres/postmaster.pid"))
                    .getFirst()
                    .strip());
            var rounds = new ArrayList<Round>();
            for (var text :
                    options.string("holds", "receipt,publish:20,puback:20").split(",")) {
                var hold = Hold.parse(text);
                System.out.printf("%nBare broker, %s%n", hold.description());
                try (var broker = BareBrokerProcess.start(workDir.resolve("broker-" + hold.kind()), hold, jvmOptions);
                        var fleet = Fleet.connect(credentials(devices), broker.port(), 1)) {
                    for (int round = 1; round <= options.integer("rounds", 3); round++) {
                        rounds.add(
                                round(broker, postmaster, postgres.jdbcUrl(), fleet, hold, messages, window, options));
                    }
                }
            }
            summarise(rounds);
        }
    }

    /** The broker lets anyone in: any serial and secret will do; the ids only seed the readings. */
    private static GridVaultApi.DeviceCredentials[] credentials(int count) {
        var credentials = new GridVaultApi.DeviceCredentials[count];
        for (int i = 0; i < count; i++) {
            credentials[i] = new GridVaultApi.DeviceCredentials(
                    UUID.randomUUID().toString(), "meter-%06d".formatted(i), "any-secret");
        }
        return credentials;
    }

    private static Round round(
            BareBrokerProcess broker,
            long postmaster,
            String jdbcUrl,
            Fleet fleet,
            Hold hold,
            long messages,
            int window,
            Arguments options)
            throws Exception {
        var warmup = Math.max(messages / 10, (long) fleet.size() * window * 2);
        var acked = new MaxRateRun(fleet.devices(), 1)
                .run(
                        messages + warmup,
                        warmup,
                        window,
                        options.duration("round-time-limit", Duration.ofMinutes(10)),
                        () -> CpuSample.take(broker.pid(), postmaster));
        var r2 = new RawCopyBaseline(jdbcUrl).rowsPerSecond(acked.readings(), fleet.size());
        var result = new Round(hold, acked, r2);
        System.out.printf(
                "  %,.0f messages/s over %.1f s; publish->PUBACK %s; %,d refused%n",
                acked.readingsPerSecond(), acked.seconds(), acked.latency(), acked.refused());
        System.out.printf(
                "  CPU per message: broker JVM %.1f us (%s), load generator %.1f us%n",
                result.brokerMicros(), IngestBenchmark.topPools(acked), result.generatorMicros());
        System.out.printf(
                "  R2 %,.0f rows/s; acknowledged/R2 = %.3f (the bar for GridVault end to end: 0.15)%n",
                r2, result.ratio());
        return result;
    }

    private static void summarise(List<Round> rounds) {
        System.out.printf("%nSummary (medians of the rounds)%n");
        rounds.stream().map(Round::hold).distinct().forEach(hold -> {
            var mine = rounds.stream().filter(r -> r.hold().equals(hold)).toList();
            System.out.printf(
                    "  %-10s %,8.0f messages/s, R2 %,8.0f rows/s, ratio %.3f %s; broker %.1f us,"
                            + " generator %.1f us per message; p99 %.1f ms%n",
                    hold,
                    median(mine, r -> r.acked().readingsPerSecond()),
                    median(mine, Round::r2RowsPerSecond),
                    median(mine, Round::ratio),
                    Arrays.toString(
                            mine.stream().map(r -> "%.3f".formatted(r.ratio())).toArray()),
                    median(mine, Round::brokerMicros),
                    median(mine, Round::generatorMicros),
                    median(mine, r -> r.acked().latency().p99Millis()));
        });
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> value) {
        return RowLayoutBenchmark.median(rounds.stream().mapToDouble(value).toArray());
    }
}
