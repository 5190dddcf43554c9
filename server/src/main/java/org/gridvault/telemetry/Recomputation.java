package org.gridvault.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.gridvault.devices.DeviceId;

/**
 * Recomputes the 5-minute buckets that newly written readings of one device affect, and no others.
 *
 * <p>New readings between {@code from} and {@code to} change:
 *
 * <ul>
 *   <li>readings and gauge statistics of the buckets they fall into;
 *   <li>for each counter they carry, the energy of every bucket between the previous and the next reading of that
 *       counter (the steps they split), however far away those are: a counter's energy over a gap is spread over
 *       the gap;
 *   <li>for energy integrated from power ({@link EnergyFromPower}), the UTC hours from the previous to the next power
 *       reading (no further than the gap limit), since that virtual counter restarts every hour.
 * </ul>
 *
 * That span is recomputed from all readings in it plus, per recomputed metric, the nearest readings outside it.
 * Counters the new readings do not carry keep their stored energy ({@link Result#energyMetrics} says which were
 * recomputed): their readings did not change, and looking for them could mean scanning a long history for a counter
 * the device stopped reporting. The result is the same whichever way readings are split into batches and in whichever
 * order the batches are rolled up.
 */
final class Recomputation {

    static final Duration BUCKET = Duration.ofMinutes(5);
    private static final long BUCKET_MICROS = 5 * EpochMicros.MINUTE;
    private static final Duration MICRO = Duration.ofNanos(1_000);

    /**
     * @param start the first recomputed bucket
     * @param end where the last recomputed bucket ends
     * @param energyMetrics the counter metrics whose energy was recomputed; others keep their stored values
     * @param buckets the buckets in the span that have readings or recomputed energy
     * @param reported the metrics the device has reported, including those of the new readings
     */
    record Result(Instant start, Instant end, Set<Metric> energyMetrics, List<Bucket> buckets, Set<Metric> reported) {}

    private Recomputation() {}

    /**
     * @param from the earliest time of the new readings
     * @param to the latest time of the new readings (inclusive)
     * @param reportedBefore the metrics the device reported before
     * @param derivableFromPower the energy the device kind's power can stand for ({@link EnergyFromPower}); each is
     *     integrated from power as long as the device has never reported that counter
     */
    static Optional<Result> of(
            DeviceId device,
            Instant from,
            Instant to,
            Set<Metric> reportedBefore,
            Map<Metric, Integer> derivableFromPower,
            Duration maxPowerGap,
            SampleSource source) {
        var batch = source.between(device, from, to.plus(MICRO));
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        var carried = EnumSet.noneOf(Metric.class);
        batch.forEach(reading -> carried.addAll(reading.named().keySet()));
        var reported = EnumSet.copyOf(carried);
        reported.addAll(reportedBefore);
        var counters = EnumSet.noneOf(Metric.class);
        carried.stream().filter(Metric::isCounter).forEach(counters::add);
        var fromPower = new EnumMap<Metric, Integer>(Metric.class);
        if (carried.contains(Metric.POWER_W)) {
            derivableFromPower.forEach((metric, sign) -> {
                if (!reported.contains(metric)) {
                    fromPower.put(metric, sign);
                }
            });
        }
        var first = batch.getFirst().ts();
        var last = batch.getLast().ts();

        var earliest = first;
        var latest = last;
        for (var metric : counters) {
            var previous = source.latestBefore(device, metric, first, null);
            var next = source.earliestFrom(device, metric, last.plus(MICRO), null);
            earliest = previous.map(Reading::ts).filter(earliest::isAfter).orElse(earliest);
            latest = next.map(Reading::ts).filter(latest::isBefore).orElse(latest);
        }
        if (!fromPower.isEmpty()) {
            var previous = source.latestBefore(device, Metric.POWER_W, first, first.minus(maxPowerGap));
            var next =
                    source.earliestFrom(device, Metric.POWER_W, last.plus(MICRO), last.plus(maxPowerGap.plus(MICRO)));
            earliest = previous.map(Reading::ts).filter(earliest::isAfter).orElse(earliest);
            latest = next.map(Reading::ts).filter(latest::isBefore).orElse(latest);
        }
        long width = fromPower.isEmpty() ? BUCKET_MICROS : EpochMicros.HOUR;
        long start = EpochMicros.floor(EpochMicros.of(earliest), width);
        long end = EpochMicros.floor(EpochMicros.of(latest), width) + width;
        var spanStart = EpochMicros.instant(start);
        var spanEnd = EpochMicros.instant(end);

        var readings = new TreeMap<Instant, Reading>();
        source.between(device, spanStart, spanEnd).forEach(reading -> readings.put(reading.ts(), reading));
        for (var metric : counters) {
            source.latestBefore(device, metric, spanStart, null).ifPresent(r -> readings.put(r.ts(), r));
            source.earliestFrom(device, metric, spanEnd, null).ifPresent(r -> readings.put(r.ts(), r));
        }
        if (!fromPower.isEmpty()) {
            source.latestBefore(device, Metric.POWER_W, spanStart, spanStart.minus(maxPowerGap))
                    .ifPresent(r -> readings.put(r.ts(), r));
            source.earliestFrom(device, Metric.POWER_W, spanEnd, spanEnd.plus(maxPowerGap.plus(MICRO)))
                    .ifPresent(r -> readings.put(r.ts(), r));
        }

        var energyMetrics = EnumSet.copyOf(counters);
        energyMetrics.addAll(fromPower.keySet());
        var boundaries = new long[(int) ((end - start) / BUCKET_MICROS) + 1];
        for (int i = 0; i < boundaries.length; i++) {
            boundaries[i] = start + i * BUCKET_MICROS;
        }
        var buckets = Aggregation.buckets(
                new ArrayList<>(readings.values()),
                boundaries,
                energyMetrics,
                fromPower,
                maxPowerGap.toNanos() / 1_000);
        return Optional.of(new Result(spanStart, spanEnd, Set.copyOf(energyMetrics), buckets, Set.copyOf(reported)));
    }
}
