package org.gridvault.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gridvault.devices.DeviceId;

/**
 * The rollup worker's 5-minute tier in memory: samples, the queue's ranges and the stored buckets, updated the way
 * {@link RollupTiers#writeFiveMinutes} updates the table (energy of metrics not recomputed is kept).
 */
final class RollupModel {

    static final Duration MAX_POWER_GAP = Duration.ofMinutes(15);

    /** A queued range: new readings between from and to, inclusive. */
    record Queued(Instant from, Instant to) {}

    private final DeviceId device = DeviceHistories.DEVICE;
    private final Map<Metric, Integer> energyFromPower;
    private final InMemorySamples samples = new InMemorySamples();
    private final Set<Metric> reported = EnumSet.noneOf(Metric.class);
    private final TreeMap<Instant, Bucket> stored = new TreeMap<>();

    RollupModel(Map<Metric, Integer> energyFromPower) {
        this.energyFromPower = energyFromPower;
    }

    /** Writes readings as the writer would, and returns the queue row it would add. */
    Queued write(List<Reading> batch) {
        samples.add(batch);
        var from = batch.stream().map(Reading::ts).min(Instant::compareTo).orElseThrow();
        var to = batch.stream().map(Reading::ts).max(Instant::compareTo).orElseThrow();
        return new Queued(from, to);
    }

    void rollUp(Queued queued) {
        Recomputation.of(
                        new Recomputation.Request(
                                device, queued.from(), queued.to(), Set.copyOf(reported), energyFromPower),
                        MAX_POWER_GAP,
                        samples)
                .ifPresent(this::store);
    }

    Map<Instant, Bucket> stored() {
        return Map.copyOf(stored);
    }

    /** The buckets of every reading written so far, computed in one go. */
    Map<Instant, Bucket> fromScratch() {
        var all = samples.all(device);
        var result = Recomputation.of(
                        new Recomputation.Request(
                                device, all.getFirst().ts(), all.getLast().ts(), Set.of(), energyFromPower),
                        MAX_POWER_GAP,
                        samples)
                .orElseThrow();
        var buckets = new HashMap<Instant, Bucket>();
        result.buckets().forEach(bucket -> buckets.put(bucket.start(), bucket));
        return buckets;
    }

    private void store(Recomputation.Result result) {
        reported.addAll(result.reported());
        for (var bucket : result.buckets()) {
            var old = stored.get(bucket.start());
            var energy = new EnumMap<Metric, Long>(Metric.class);
            var resets = EnumSet.noneOf(Metric.class);
            var rollovers = EnumSet.noneOf(Metric.class);
            if (old != null) {
                energy.putAll(old.energy());
                resets.addAll(old.resets());
                rollovers.addAll(old.rollovers());
            }
            energy.keySet().removeAll(result.energyMetrics());
            resets.removeAll(result.energyMetrics());
            rollovers.removeAll(result.energyMetrics());
            energy.putAll(bucket.energy());
            resets.addAll(bucket.resets());
            rollovers.addAll(bucket.rollovers());
            stored.put(
                    bucket.start(),
                    new Bucket(bucket.start(), bucket.samples(), energy, resets, rollovers, bucket.gauges()));
        }
    }
}
