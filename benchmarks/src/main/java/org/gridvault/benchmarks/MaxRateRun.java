package org.gridvault.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Closed loop: every device keeps {@code window} messages in flight and publishes the next one as soon as one is
 * acknowledged, until {@code messages} are acknowledged in all. The first {@code warmup} acknowledgements are not
 * measured (JIT, pools, partitions). A refused message is published again after 100 ms, its latency counted from its
 * first attempt.
 */
final class MaxRateRun {

    /** What the measured part (after warm-up) achieved, and what it cost. */
    record Result(
            long messages,
            int readingsPerMessage,
            long refused,
            double seconds,
            Latencies.Summary latency,
            CpuSample cpu,
            boolean completed) {

        long readings() {
            return messages * readingsPerMessage;
        }

        double readingsPerSecond() {
            return readings() / seconds;
        }

        double microsPerReading(long cpuMicros) {
            return (double) cpuMicros / readings();
        }
    }

    private final List<MqttDevice> devices;
    private final int readingsPerMessage;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private volatile long warmup;
    private volatile long deadline;
    private volatile Latencies latencies = new Latencies(1);

    MaxRateRun(List<MqttDevice> devices, int readingsPerMessage) {
        this.devices = devices;
        this.readingsPerMessage = readingsPerMessage;
    }

    /** Publishes {@code messages} messages in all, the first {@code warmupMessages} unmeasured. */
    Result run(long messages, long warmupMessages, int window, Duration timeLimit, Supplier<CpuSample> cpu)
            throws InterruptedException {
        acknowledged.set(0);
        refused.set(0);
        warmup = warmupMessages;
        latencies = new Latencies((int) Math.min(Integer.MAX_VALUE - 8, messages));
        deadline = System.nanoTime() + timeLimit.toNanos();
        var remaining = new ArrayList<AtomicLong>();
        for (int i = 0; i < devices.size(); i++) {
            remaining.add(new AtomicLong(messages / devices.size() + (i < messages % devices.size() ? 1 : 0)));
        }
        for (int i = 0; i < devices.size(); i++) {
            for (int w = 0; w < window; w++) {
                next(devices.get(i), remaining.get(i));
            }
        }
        long startedNanos = 0;
        CpuSample startCpu = null;
        long startAcknowledged = 0;
        while (acknowledged.get() < messages && System.nanoTime() < deadline) {
            if (startCpu == null && acknowledged.get() >= warmupMessages) {
                startedNanos = System.nanoTime();
                startAcknowledged = acknowledged.get();
                startCpu = cpu.get();
            }
            Thread.sleep(5);
        }
        var endNanos = System.nanoTime();
        var endCpu = cpu.get();
        var endAcknowledged = acknowledged.get();
        retries.shutdownNow();
        if (startCpu == null) {
            throw new IllegalStateException("Not even the warm-up finished within " + timeLimit);
        }
        return new Result(
                endAcknowledged - startAcknowledged,
                readingsPerMessage,
                refused.get(),
                (endNanos - startedNanos) / 1e9,
                latencies.summary(),
                endCpu.minus(startCpu),
                endAcknowledged >= messages);
    }

    private void next(MqttDevice device, AtomicLong remaining) {
        if (remaining.getAndDecrement() <= 0 || System.nanoTime() > deadline) {
            return;
        }
        var started = System.nanoTime();
        var published = device.publishNext();
        watch(device, remaining, published.step(), published.acknowledged(), started);
    }

    private void watch(
            MqttDevice device, AtomicLong remaining, long step, CompletableFuture<Void> published, long startedNanos) {
        published.whenComplete((ok, failure) -> {
            if (failure == null) {
                if (acknowledged.incrementAndGet() > warmup) {
                    latencies.record(System.nanoTime() - startedNanos);
                }
                next(device, remaining);
            } else if (System.nanoTime() < deadline) {
                refused.incrementAndGet();
                retries.schedule(
                        () -> watch(device, remaining, step, device.publish(step), startedNanos),
                        100,
                        TimeUnit.MILLISECONDS);
            }
        });
    }
}
