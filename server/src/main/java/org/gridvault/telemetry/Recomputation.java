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
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.gridvault.devices.DeviceId;

/**
 * Recomputes the 5-minute buckets that newly written readings affect, and no others, for many devices at once.
 *
 * <p>New readings of a device between {@code from} and {@code to} change:
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
 *
 * <p>Each step asks the {@link SampleSource} for every device at once, so a batch of a thousand devices costs the
 * same dozen or so reads as one device. Requests are independent of each other; a device must appear at most once.
 */
final class Recomputation {

    static final Duration BUCKET = Duration.ofMinutes(5);
    private static final long BUCKET_MICROS = 5 * EpochMicros.MINUTE;
    private static final Duration MICRO = Duration.ofNanos(1_000);
    /** Where a search for a neighbouring reading that may lie anywhere in the past starts. */
    private static final Instant BEGINNING = Instant.EPOCH;
    /** Where a search for a neighbouring reading that may lie anywhere in the future ends. */
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    private static final List<Metric> COUNTERS =
            EnumSet.allOf(Metric.class).stream().filter(Metric::isCounter).toList();

    /**
     * New readings of one device to roll up.
     *
     * @param from the earliest time of the new readings
     * @param to the latest time of the new readings (inclusive)
     * @param reportedBefore the metrics the device reported before
     * @param derivableFromPower the energy the device kind's power can stand for ({@link EnergyFromPower}); each is
     *     integrated from power as long as the device has never reported that counter
     */
    record Request(
            DeviceId device,
            Instant from,
            Instant to,
            Set<Metric> reportedBefore,
            Map<Metric, Integer> derivableFromPower) {}

    /**
     * @param start the first recomputed bucket
     * @param end where the last recomputed bucket ends
     * @param energyMetrics the counter metrics whose energy was recomputed; others keep their stored values
     * @param buckets the buckets in the span that have readings or recomputed energy
     * @param reported the metrics the device has reported, including those of the new readings
     */
    record Result(
            DeviceId device,
            Instant start,
            Instant end,
            Set<Metric> energyMetrics,
            List<Bucket> buckets,
            Set<Metric> reported) {}

    private Recomputation() {}

    /** One device's request, if it has readings in its range (a request whose readings are gone has nothing to do). */
    static Optional<Result> of(Request request, Duration maxPowerGap, SampleSource source) {
        return of(List.of(request), maxPowerGap, source).stream().findFirst();
    }

    /** The results of the requests whose ranges still hold readings, in the order of the requests. */
    static List<Result> of(List<Request> requests, Duration maxPowerGap, SampleSource source) {
        var batches = source.between(requests.stream()
                .map(request -> new DeviceWindow(
                        request.device(), request.from(), request.to().plus(MICRO)))
                .toList());
        var plans = new ArrayList<Plan>();
        for (int i = 0; i < requests.size(); i++) {
            if (!batches.get(i).isEmpty()) {
                plans.add(new Plan(requests.get(i), batches.get(i)));
            }
        }

        // How far the new readings reach: to the neighbouring readings of each counter they carry, and of power.
        neighbours(plans, Plan::first, Plan::afterLast, maxPowerGap, source, Plan::widen);
        plans.forEach(Plan::alignSpan);

        // Every reading in the span (the new ones are already read), and per metric the nearest outside it.
        var around = new ArrayList<DeviceWindow>();
        for (var plan : plans) {
            around.add(plan.window(plan.spanStart, later(plan.spanStart, plan.request.from())));
            around.add(plan.window(earlier(plan.spanEnd, plan.request.to().plus(MICRO)), plan.spanEnd));
        }
        var aroundReadings = source.between(around);
        for (int i = 0; i < plans.size(); i++) {
            plans.get(i).add(aroundReadings.get(2 * i));
            plans.get(i).add(aroundReadings.get(2 * i + 1));
        }
        neighbours(plans, plan -> plan.spanStart, plan -> plan.spanEnd, maxPowerGap, source, Plan::include);
        return plans.stream().map(plan -> plan.result(maxPowerGap)).toList();
    }

    /** One request worked through the steps above. */
    private static final class Plan {

        final Request request;
        final EnumSet<Metric> reported;
        final EnumSet<Metric> counters = EnumSet.noneOf(Metric.class);
        final EnumMap<Metric, Integer> fromPower = new EnumMap<>(Metric.class);
        final TreeMap<Instant, Reading> readings = new TreeMap<>();
        private final Instant first;
        private final Instant last;
        Instant earliest;
        Instant latest;
        Instant spanStart;
        Instant spanEnd;

        Plan(Request request, List<Reading> batch) {
            this.request = request;
            var carried = EnumSet.noneOf(Metric.class);
            batch.forEach(reading -> carried.addAll(reading.named().keySet()));
            reported = EnumSet.copyOf(carried);
            reported.addAll(request.reportedBefore());
            carried.stream().filter(Metric::isCounter).forEach(counters::add);
            if (carried.contains(Metric.POWER_W)) {
                request.derivableFromPower().forEach((metric, sign) -> {
                    if (!reported.contains(metric)) {
                        fromPower.put(metric, sign);
                    }
                });
            }
            first = batch.getFirst().ts();
            last = batch.getLast().ts();
            earliest = first;
            latest = last;
            add(batch);
        }

        Instant first() {
            return first;
        }

        Instant afterLast() {
            return last.plus(MICRO);
        }

        DeviceWindow window(Instant from, Instant to) {
            return new DeviceWindow(request.device(), from, to);
        }

        void widen(Reading neighbour) {
            earliest = earlier(earliest, neighbour.ts());
            latest = later(latest, neighbour.ts());
        }

        /** Power integration restarts every hour, so a span that integrates power covers whole hours. */
        void alignSpan() {
            long width = fromPower.isEmpty() ? BUCKET_MICROS : EpochMicros.HOUR;
            spanStart = EpochMicros.instant(EpochMicros.floor(EpochMicros.of(earliest), width));
            spanEnd = EpochMicros.instant(EpochMicros.floor(EpochMicros.of(latest), width) + width);
        }

        void add(List<Reading> found) {
            found.forEach(this::include);
        }

        void include(Reading reading) {
            readings.put(reading.ts(), reading);
        }

        Result result(Duration maxPowerGap) {
            var energyMetrics = EnumSet.copyOf(counters);
            energyMetrics.addAll(fromPower.keySet());
            long start = EpochMicros.of(spanStart);
            var boundaries = new long[(int) ((EpochMicros.of(spanEnd) - start) / BUCKET_MICROS) + 1];
            for (int i = 0; i < boundaries.length; i++) {
                boundaries[i] = start + i * BUCKET_MICROS;
            }
            var buckets = Aggregation.buckets(
                    new ArrayList<>(readings.values()),
                    boundaries,
                    energyMetrics,
                    fromPower,
                    maxPowerGap.toNanos() / 1_000);
            return new Result(
                    request.device(), spanStart, spanEnd, Set.copyOf(energyMetrics), buckets, Set.copyOf(reported));
        }
    }

    private static List<Plan> only(List<Plan> plans, Predicate<Plan> condition) {
        return plans.stream().filter(condition).toList();
    }

    private static List<DeviceWindow> windows(List<Plan> plans, Function<Plan, DeviceWindow> window) {
        return plans.stream().map(window).toList();
    }

    /**
     * For each plan, the latest reading before {@code before} and the earliest from {@code after} on: of each counter it
     * carries, however far away, and of power if it integrates power, within the gap limit (a power reading further
     * away adds no energy); each one found goes to {@code found}. One query per metric and direction for all plans.
     */
    private static void neighbours(
            List<Plan> plans,
            Function<Plan, Instant> before,
            Function<Plan, Instant> after,
            Duration maxPowerGap,
            SampleSource source,
            BiConsumer<Plan, Reading> found) {
        for (var counter : COUNTERS) {
            var carrying = only(plans, plan -> plan.counters.contains(counter));
            found(
                    carrying,
                    source.latest(counter, windows(carrying, plan -> plan.window(BEGINNING, before.apply(plan)))),
                    found);
            found(
                    carrying,
                    source.earliest(counter, windows(carrying, plan -> plan.window(after.apply(plan), FAR_FUTURE))),
                    found);
        }
        var integrating = only(plans, plan -> !plan.fromPower.isEmpty());
        found(
                integrating,
                source.latest(
                        Metric.POWER_W,
                        windows(
                                integrating,
                                plan -> plan.window(before.apply(plan).minus(maxPowerGap), before.apply(plan)))),
                found);
        found(
                integrating,
                source.earliest(
                        Metric.POWER_W,
                        windows(
                                integrating,
                                plan -> plan.window(
                                        after.apply(plan), after.apply(plan).plus(maxPowerGap)))),
                found);
    }

    private static void found(List<Plan> plans, List<Optional<Reading>> readings, BiConsumer<Plan, Reading> found) {
        for (int i = 0; i < plans.size(); i++) {
            var plan = plans.get(i);
            readings.get(i).ifPresent(reading -> found.accept(plan, reading));
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
