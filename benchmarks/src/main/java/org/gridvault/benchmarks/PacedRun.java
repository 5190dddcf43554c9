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
 * Open loop: messages go out at a fixed total rate, round-robin over the devices, whether or not earlier ones were
 * acknowledged, and each latency counts from the moment the message was due (so a stalled server shows as latency,
 * not as a lower send rate). Every {@code sampleEvery} it records that period's rate, latencies and the server's
 * heap, so a long run shows decay or a growing heap. Stops early if more than {@code maxOutstanding} messages are
 * unacknowledged: the server cannot keep up with that rate.
 */
final class PacedRun {

    /** One sampling period. */
    record Period(int index, double messagesPerSecond, Latencies.Summary latency, ServerHeap heap) {}

    record Result(
            double targetRate,
            long sent,
            long acknowledged,
            long refused,
            double seconds,
            Latencies.Summary latency,
            List<Period> periods,
            boolean fellBehind) {}

    private final List<MqttDevice> devices;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private volatile Latencies overall = new Latencies(1);
    private volatile Latencies period = new Latencies(1);

    PacedRun(List<MqttDevice> devices) {
        this.devices = devices;
    }

    /**
     * Ramps up linearly to {@code rate} over {@code warmup} (unmeasured: a fresh server JVM needs its JIT before it
     * sustains a high rate), then sends at {@code rate} for {@code duration}, measured.
     */
    Result run(
            double rate,
            Duration warmup,
            Duration duration,
            Duration sampleEvery,
            long maxOutstanding,
            Supplier<ServerHeap> heap)
            throws InterruptedException {
        var rampSent = ramp(rate, warmup, maxOutstanding);
        if (rampSent < 0) {
            return new Result(rate, 0, 0, refused.get(), 0, new Latencies(1).summary(), List.of(), true);
        }
        var periodCapacity = (int) Math.min(50_000_000, rate * sampleEvery.toSeconds() * 1.5 + 1000);
        overall = new Latencies((int) Math.min(50_000_000, rate * duration.toSeconds() * 1.1 + 1000));
        period = new Latencies(periodCapacity);
        var periods = java.util.Collections.synchronizedList(new ArrayList<Period>());
        var start = System.nanoTime();
        var end = start + duration.toNanos();
        var periodStart = start;
        long periodStartAcknowledged = acknowledged.get();
        long sent = 0;
        int periodCount = 0;
        var fellBehind = false;
        try (var sampler = Executors.newVirtualThreadPerTaskExecutor()) {
            while (true) {
                var now = System.nanoTime();
                var due = (long) ((Math.min(now, end) - start) / 1e9 * rate);
                for (; sent < due; sent++) {
                    var device = devices.get((int) (sent % devices.size()));
                    var published = device.publishNext();
                    watch(
                            device,
                            published.step(),
                            published.acknowledged(),
                            start + (long) (sent / rate * 1e9),
                            true,
                            0);
                }
                if (rampSent + sent - acknowledged.get() > maxOutstanding) {
                    fellBehind = true;
                    break;
                }
                if (now - periodStart >= sampleEvery.toNanos() || now >= end) {
                    var finished = period;
                    period = new Latencies(periodCapacity);
                    var count = acknowledged.get();
                    var index = ++periodCount;
                    var perSecond = (count - periodStartAcknowledged) / ((now - periodStart) / 1e9);
                    // The heap is read over HTTP; off this thread, so pacing does not stall while it answers.
                    sampler.submit(() -> {
                        var sample = new Period(index, perSecond, finished.summary(), heap.get());
                        periods.add(sample);
                        System.out.printf(
                                "  period %3d: %,9.0f messages/s acknowledged, %s, %s%n",
                                sample.index(), sample.messagesPerSecond(), sample.latency(), sample.heap());
                    });
                    periodStart = now;
                    periodStartAcknowledged = count;
                }
                if (now >= end) {
                    break;
                }
                Thread.sleep(1);
            }
        }
        var seconds = (System.nanoTime() - start) / 1e9;
        var drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acknowledged.get() < rampSent + sent && System.nanoTime() < drainUntil) {
            Thread.sleep(10);
        }
        retries.shutdownNow();
        return new Result(
                rate,
                sent,
                acknowledged.get() - rampSent,
                refused.get(),
                seconds,
                overall.summary(),
                List.copyOf(periods),
                fellBehind);
    }

    /** Sends at a rate growing linearly from 0 to {@code rate}; returns how many, or -1 if the server fell behind. */
    private long ramp(double rate, Duration warmup, long maxOutstanding) throws InterruptedException {
        var start = System.nanoTime();
        var seconds = warmup.toNanos() / 1e9;
        long sent = 0;
        while (System.nanoTime() - start < warmup.toNanos()) {
            var elapsed = (System.nanoTime() - start) / 1e9;
            var due = (long) (rate * elapsed * elapsed / (2 * seconds));
            for (; sent < due; sent++) {
                var device = devices.get((int) (sent % devices.size()));
                var published = device.publishNext();
                watch(device, published.step(), published.acknowledged(), System.nanoTime(), false, 0);
            }
            if (sent - acknowledged.get() > maxOutstanding) {
                return -1;
            }
            Thread.sleep(1);
        }
        return sent;
    }

    /**
     * Counts the message's acknowledgement, or publishes it again after a refusal, as a device would: after 100 ms,
     * doubling with every further refusal of the same message up to 5 s, so that a server short of storage is not
     * buried under resends.
     */
    private void watch(
            MqttDevice device,
            long step,
            CompletableFuture<Void> published,
            long dueNanos,
            boolean measured,
            int refusals) {
        published.whenComplete((ok, failure) -> {
            if (failure == null) {
                acknowledged.incrementAndGet();
                if (!measured) {
                    return;
                }
                var latency = System.nanoTime() - dueNanos;
                overall.record(latency);
                period.record(latency);
            } else if (!retries.isShutdown()) {
                refused.incrementAndGet();
                retries.schedule(
                        () -> watch(device, step, device.publish(step), dueNanos, measured, refusals + 1),
                        Math.min(5_000, 100L << Math.min(refusals, 6)),
                        TimeUnit.MILLISECONDS);
            }
        });
    }
}
