package org.gridvault.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Runs simulated homes: every {@code interval} of wall time it advances simulated time by {@code interval × speed}
 * and hands one reading per device to a {@link ReadingSink}. Simulated time starts at the clock's instant.
 *
 * <pre>{@code
 * try (var fleet = Fleet.start(homes, sink, Clock.systemUTC(), Duration.ofSeconds(10))) {
 *     ...
 *     log.info(fleet.statistics().summary());
 * }
 * }</pre>
 *
 * <p>Ticks run on one daemon thread; late ticks are caught up, so simulated time stays on the wall-clock schedule.
 * {@link #close()} stops ticking but leaves the sink open: whoever made the sink closes it. Thread-safe.
 */
public final class Fleet implements AutoCloseable {

    private final List<SimulatedHome> homes;
    private final ReadingSink sink;
    private final Instant start;
    private final Duration simulatedStep;
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<@Nullable Instant> simulatedTime = new AtomicReference<>();
    private final AtomicReference<@Nullable String> lastFailure = new AtomicReference<>();
    private volatile @Nullable ScheduledExecutorService scheduler;

    Fleet(List<SimulatedHome> homes, ReadingSink sink, Instant start, Duration simulatedStep) {
        this.homes = List.copyOf(homes);
        this.sink = sink;
        this.start = start;
        this.simulatedStep = simulatedStep;
    }

    /** Starts a fleet in real time: simulated time advances as fast as the wall clock. */
    public static Fleet start(List<SimulatedHome> homes, ReadingSink sink, Clock clock, Duration interval) {
        return start(homes, sink, clock, interval, 1);
    }

    /**
     * Starts a fleet whose simulated time runs {@code speed} times as fast as the wall clock; the first tick happens
     * at once.
     *
     * @throws IllegalArgumentException if interval or speed is not positive
     */
    public static Fleet start(
            List<SimulatedHome> homes, ReadingSink sink, Clock clock, Duration interval, double speed) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The interval must be positive, was " + interval);
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("The speed must be a positive number, was " + speed);
        }
        var step = Duration.ofNanos(Math.round(interval.toNanos() * speed));
        var fleet = new Fleet(homes, sink, clock.instant().truncatedTo(ChronoUnit.MILLIS), step);
        var scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("gridvault-simulator").daemon(true).factory());
        fleet.scheduler = scheduler;
        scheduler.scheduleAtFixedRate(fleet::tick, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        return fleet;
    }

    public List<SimulatedHome> homes() {
        return homes;
    }

    public FleetStatistics statistics() {
        return new FleetStatistics(ticks.get(), published.get(), failed.get(), simulatedTime.get(), lastFailure.get());
    }

    /** Runs one tick: advances simulated time by one step and publishes every device's reading. */
    void tick() {
        Instant time = start.plus(simulatedStep.multipliedBy(ticks.get()));
        for (SimulatedHome home : homes) {
            try {
                for (Reading reading : home.readingsAt(time)) {
                    publish(reading);
                }
            } catch (RuntimeException e) {
                failed.addAndGet(DeviceKind.values().length);
                lastFailure.set("home " + home.devices().gridMeter().serial() + ": " + e);
            }
        }
        simulatedTime.set(time);
        ticks.incrementAndGet();
    }

    private void publish(Reading reading) {
        try {
            sink.publish(reading).whenComplete((ignored, failure) -> {
                if (failure == null) {
                    published.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    lastFailure.set(reading.serial() + ": " + failure.getMessage());
                }
            });
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            lastFailure.set(reading.serial() + ": " + e.getMessage());
        }
    }

    /** Stops ticking and waits up to five seconds for a tick in progress. */
    @Override
    public void close() {
        var running = scheduler;
        if (running == null) {
            return;
        }
        running.shutdownNow();
        try {
            running.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
