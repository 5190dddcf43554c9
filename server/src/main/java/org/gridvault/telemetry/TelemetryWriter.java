package org.gridvault.telemetry;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.gridvault.devices.DeviceId;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Makes readings durable: the one way samples enter storage, for every transport.
 *
 * <p>{@link #append} queues a batch and returns a future that completes once the batch is committed (with
 * {@code synchronous_commit} on, that means on disk). Transports acknowledge to the device only then, so a crash
 * between receipt and write loses nothing: the device sends again. Writer threads, one database connection each,
 * take whatever has queued up (up to {@code batchSize} readings) and COPY it in binary straight into the samples
 * table. If any of it is already stored, the batch is staged in a per-connection table and merged instead: a row
 * already stored for a device and time only gets the metrics it lacks, so re-sent readings change nothing and
 * readings of other metrics for the same instant are kept.
 * A writer waits up to {@code linger} for readings to join a batch, so under load transactions are few and large
 * (each also queues rollup work) at the cost of that much latency.
 *
 * <p>In the same transaction a {@code rollup_queue} row records which devices and times the batch touched, for
 * {@code Rollups}. Thread-safe.
 */
@Service
public class TelemetryWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelemetryWriter.class);

    private record Pending(List<Reading> readings, CompletableFuture<Void> written) {}

    private record DeviceInstant(DeviceId device, java.time.Instant ts) {}

    /**
     * Moves the staged rows into the samples table. A row for a device and time that is already stored only gets the
     * metrics it lacks: a re-sent reading changes nothing, and a reading of other metrics for the same instant (sent
     * in another message) is kept rather than dropped.
     */
    private static final String MERGE_STAGED = mergeStatement();

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final SamplePartitions partitions;
    private final DeviceStates states;
    private final TelemetryProperties properties;
    private final Clock clock;
    private final BlockingQueue<Pending> queue;
    private final AtomicInteger queuedReadings = new AtomicInteger();
    /** Database sessions whose staging table exists (it lives as long as the session), so it is created once each. */
    private final Set<PGConnection> sessionsWithStaging =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    TelemetryWriter(
            DataSource dataSource,
            SamplePartitions partitions,
            DeviceStates states,
            TelemetryProperties properties,
            Clock clock) {
        this.dataSource = dataSource;
        this.partitions = partitions;
        this.states = states;
        this.properties = properties;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
    }

    /**
     * Queues readings for writing. The future completes when they are durable, or fails when they could not be
     * written (the caller must then not acknowledge them) or when the queue is full (overload: try again later).
     */
    public CompletableFuture<Void> append(List<Reading> readings) {
        if (readings.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        var pending = new Pending(List.copyOf(readings), new CompletableFuture<>());
        if (!running || queuedReadings.get() + readings.size() > properties.queueCapacity() || !queue.offer(pending)) {
            return CompletableFuture.failedFuture(new TelemetryOverloadException());
        }
        queuedReadings.addAndGet(readings.size());
        return pending.written();
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < properties.writers(); i++) {
            var thread = Thread.ofPlatform().name("telemetry-writer-" + i).start(this::writeUntilStopped);
            threads.add(thread);
        }
    }

    @Override
    public void stop() {
        running = false;
        for (var thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the transports (MQTT broker, web server), so nothing they accept is refused. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void writeUntilStopped() {
        var batch = new ArrayList<Pending>();
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                var size = first.readings().size();
                var lingerUntil = System.nanoTime() + properties.linger().toNanos();
                while (size < properties.batchSize()) {
                    var wait = lingerUntil - System.nanoTime();
                    var next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    size += next.readings().size();
                }
                queuedReadings.addAndGet(-size);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        var readings = new ArrayList<Reading>();
        batch.forEach(pending -> readings.addAll(pending.readings()));
        try (var connection = dataSource.getConnection()) {
            writeInTransaction(connection, readings);
            states.recordWritten(readings);
            batch.forEach(pending -> pending.written().complete(null));
        } catch (SQLException | RuntimeException e) {
            log.error("Could not write {} readings; their senders will retry", readings.size(), e);
            batch.forEach(pending -> pending.written().completeExceptionally(e));
        }
    }

    private static String mergeStatement() {
        var fill = new StringJoiner(", ");
        var lacking = new StringJoiner(" or ");
        for (var metric : Metric.values()) {
            var column = metric.wireName();
            fill.add("%1$s = coalesce(s.%1$s, excluded.%1$s)".formatted(column));
            lacking.add("(s.%1$s is null and excluded.%1$s is not null)".formatted(column));
        }
        return "insert into telemetry.samples as s select * from samples_in on conflict (device_id, ts) do update set "
                + fill + " where " + lacking;
    }

    /**
     * One reading per device and instant, as the merge statement needs (it may touch a row only once): the first
     * value of each metric wins, as it does against rows already stored.
     */
    static List<Reading> mergedByInstant(List<Reading> readings) {
        var merged = new LinkedHashMap<DeviceInstant, double[]>();
        for (var reading : readings) {
            var values = merged.computeIfAbsent(
                    new DeviceInstant(reading.device(), reading.ts()), key -> Reading.noValues());
            for (int i = 0; i < values.length; i++) {
                if (Double.isNaN(values[i])) {
                    values[i] = reading.values()[i];
                }
            }
        }
        if (merged.size() == readings.size()) {
            return readings;
        }
        var result = new ArrayList<Reading>(merged.size());
        merged.forEach((key, values) -> result.add(new Reading(key.device(), key.ts(), values)));
        return result;
    }

    /**
     * Copies the batch straight into the samples table, which is all a batch of new readings needs and costs a
     * fraction of staging and merging. If a reading for one of the devices and instants is already stored (a device
     * re-sent after a lost acknowledgement, or sent other metrics for the same instant), the copy fails on the primary
     * key, is rolled back to the savepoint, and the caller stages and merges instead.
     */
    private static boolean copiedStraightIn(Connection connection, PGConnection session, byte[] encoded)
            throws SQLException, java.io.IOException {
        var beforeCopy = connection.setSavepoint();
        try {
            session.getCopyAPI()
                    .copyIn(
                            "copy telemetry.samples (" + SampleCopyFormat.columns() + ") from stdin (format binary)",
                            new java.io.ByteArrayInputStream(encoded));
            connection.releaseSavepoint(beforeCopy);
            return true;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(beforeCopy);
            return false;
        }
    }

    private void writeInTransaction(Connection connection, List<Reading> readings) throws SQLException {
        var months = new HashSet<java.time.YearMonth>();
        var from = readings.getFirst().ts();
        var to = from;
        // Each device's earliest and latest reading, in epoch microseconds.
        var ranges = new LinkedHashMap<UUID, long[]>();
        for (var reading : readings) {
            months.add(SamplePartitions.monthOf(reading.ts()));
            from = reading.ts().isBefore(from) ? reading.ts() : from;
            to = reading.ts().isAfter(to) ? reading.ts() : to;
            long micros = EpochMicros.of(reading.ts());
            var range = ranges.computeIfAbsent(reading.device().value(), device -> new long[] {micros, micros});
            range[0] = Math.min(range[0], micros);
            range[1] = Math.max(range[1], micros);
        }
        partitions.ensure(connection, months);
        connection.setAutoCommit(false);
        var session = connection.unwrap(PGConnection.class);
        var firstBatchOfSession = !sessionsWithStaging.contains(session);
        try (var statement = connection.createStatement()) {
            var encoded = SampleCopyFormat.encode(mergedByInstant(readings));
            var staged = !copiedStraightIn(connection, session, encoded);
            if (staged) {
                if (firstBatchOfSession) {
                    statement.execute(
                            "create temp table if not exists samples_in (like telemetry.samples) on commit delete rows");
                }
                session.getCopyAPI()
                        .copyIn(
                                "copy samples_in (" + SampleCopyFormat.columns() + ") from stdin (format binary)",
                                new java.io.ByteArrayInputStream(encoded));
                statement.execute(MERGE_STAGED);
            }
            try (var queued = connection.prepareStatement("""
                    insert into telemetry.rollup_queue
                        (device_ids, from_ts, to_ts, enqueued_at, from_each_us, to_each_us)
                    values (?, ?, ?, ?, ?, ?)
                    """)) {
                var fromEach = new long[ranges.size()];
                var toEach = new long[ranges.size()];
                int i = 0;
                for (var range : ranges.values()) {
                    fromEach[i] = range[0];
                    toEach[i++] = range[1];
                }
                queued.setArray(
                        1, connection.createArrayOf("uuid", ranges.keySet().toArray()));
                queued.setTimestamp(2, Timestamp.from(from));
                queued.setTimestamp(3, Timestamp.from(to));
                queued.setTimestamp(4, Timestamp.from(clock.instant()));
                queued.setObject(5, fromEach);
                queued.setObject(6, toEach);
                queued.executeUpdate();
            }
            connection.commit();
            if (staged) {
                sessionsWithStaging.add(session);
            }
        } catch (SQLException | java.io.IOException | RuntimeException e) {
            connection.rollback();
            throw e instanceof SQLException sql ? sql : new SQLException("Could not copy readings", e);
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
