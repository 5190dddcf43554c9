package org.gridvault.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated grid meter with its own MQTT 5 connection (served by {@link MqttSockets}), publishing its readings at QoS 1 on
 * {@code gv/v1/{serial}/telemetry}, one reading per message or, like a meter that buffers, several as a JSON array.
 * Its steps (one per message) and so its timestamps and sequence numbers only increase, across all phases of a run.
 * Thread-safe: the next step is taken atomically.
 */
final class MqttDevice {

    private final int index;
    private final UUID id;
    private final String serial;
    private final byte[] topic;
    private final String secret;
    private final int port;
    private final MqttSockets sockets;
    private volatile MqttSockets.Connection connection;
    private final Instant firstTs;
    private final Duration interval;
    private final int readingsPerMessage;
    private final AtomicLong nextStep = new AtomicLong();

    MqttDevice(
            int index,
            MqttSockets sockets,
            GridVaultApi.DeviceCredentials credentials,
            int port,
            Instant firstTs,
            Duration interval,
            int readingsPerMessage) {
        this.readingsPerMessage = readingsPerMessage;
        this.index = index;
        this.id = UUID.fromString(credentials.id());
        this.serial = credentials.serial();
        this.topic = ("gv/v1/" + serial + "/telemetry").getBytes(StandardCharsets.UTF_8);
        this.secret = credentials.secret();
        this.port = port;
        this.sockets = sockets;
        this.firstTs = firstTs;
        this.interval = interval;
    }

    CompletableFuture<?> connect() {
        return CompletableFuture.runAsync(
                () -> {
                    try {
                        connection = sockets.connect(port, serial, serial, secret);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                command -> Thread.ofVirtual().start(command));
    }

    CompletableFuture<?> disconnect() {
        connection.disconnect();
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Publishes the next reading. Taking the step and handing the message to the client happen under one lock, so
     * the device's readings go out in step order even when several acknowledgement callbacks publish at once (a real
     * meter sends in order; out of order, the server would count older sequence numbers as duplicates).
     */
    synchronized Published publishNext() {
        var step = nextStep.getAndIncrement();
        return new Published(step, publish(step));
    }

    /** A reading handed to the client, and its acknowledgement. */
    record Published(long step, CompletableFuture<Void> acknowledged) {}

    /**
     * Publishes the reading of {@code step}. The future completes when the server has acknowledged it (PUBACK,
     * sent only once the reading is durable) and fails when the server refused it.
     */
    CompletableFuture<Void> publish(long step) {
        var json = new StringBuilder(readingsPerMessage * 330);
        for (long reading = step * readingsPerMessage; reading < (step + 1) * readingsPerMessage; reading++) {
            json.append(json.isEmpty() ? "" : ",")
                    .append(MeterReading.of(index, id, reading, firstTs.plus(interval.multipliedBy(reading)))
                            .json(reading + 1));
        }
        var payload = (readingsPerMessage == 1 ? json.toString() : "[" + json + "]").getBytes(StandardCharsets.UTF_8);
        return connection.publish(topic, payload);
    }
}
