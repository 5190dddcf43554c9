package org.gridvault.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gridvault.devices.DeviceId;
import org.gridvault.devices.DeviceKind;

/**
 * The rollup worker recomputes only the buckets new readings affect; these properties check that this always ends in
 * the buckets a computation of everything at once gives, however the readings were batched and queued.
 */
class RecomputationProperties {

    private static final Instant START = Instant.parse("2026-03-29T00:57:00Z");

    @Property(tries = 400)
    void anySplitIntoBatchesRolledUpInAnyOrderGivesTheSameBucketsAsOneGo(
            @ForAll("histories") List<DeviceHistories.Step> steps,
            @ForAll Device device,
            @ForAll boolean nearRollover,
            @ForAll long seed) {
        var readings = device.readings(steps, nearRollover);
        var model = new RollupModel(device.energyFromPower());
        var random = new Random(seed);
        var pending = new ArrayList<RollupModel.Queued>();

        for (var batch : randomBatches(readings, random)) {
            pending.add(model.write(batch));
            Collections.shuffle(pending, random);
            while (!pending.isEmpty() && random.nextBoolean()) {
                var queued = pending.removeLast();
                model.rollUp(queued);
                if (random.nextInt(4) == 0) {
                    model.rollUp(queued);
                }
            }
        }
        pending.forEach(model::rollUp);

        assertThat(model.stored()).isEqualTo(model.fromScratch());
    }

    @Property(tries = 100)
    void rollingUpTheSameBatchAgainChangesNothing(
            @ForAll("histories") List<DeviceHistories.Step> steps, @ForAll Device device) {
        var model = new RollupModel(device.energyFromPower());
        var queued = model.write(device.readings(steps, false));
        model.rollUp(queued);
        var once = model.stored();

        model.rollUp(queued);

        assertThat(model.stored()).isEqualTo(once);
    }

    @Property(tries = 100)
    void devicesRecomputedTogetherGetWhatEachGetsAlone(
            @ForAll("histories") List<DeviceHistories.Step> first,
            @ForAll("histories") List<DeviceHistories.Step> second,
            @ForAll Device firstKind,
            @ForAll Device secondKind,
            @ForAll long seed) {
        var samples = new InMemorySamples();
        var random = new Random(seed);
        var requests = new ArrayList<Recomputation.Request>();
        for (var history :
                List.of(Map.entry(firstKind, first), Map.entry(secondKind, second), Map.entry(firstKind, second))) {
            var device = DeviceId.random();
            var readings = history.getKey().readings(history.getValue(), random.nextBoolean()).stream()
                    .map(reading -> new Reading(device, reading.ts(), reading.values()))
                    .toList();
            samples.add(readings);
            var batch = randomBatches(readings, random).getFirst();
            requests.add(new Recomputation.Request(
                    device,
                    batch.stream().map(Reading::ts).min(Instant::compareTo).orElseThrow(),
                    batch.stream().map(Reading::ts).max(Instant::compareTo).orElseThrow(),
                    Set.of(),
                    history.getKey().energyFromPower()));
        }

        var together = Recomputation.of(requests, RollupModel.MAX_POWER_GAP, samples);

        assertThat(together)
                .isEqualTo(requests.stream()
                        .map(request -> Recomputation.of(request, RollupModel.MAX_POWER_GAP, samples)
                                .orElseThrow())
                        .toList());
    }

    @Property(tries = 100)
    void aLateReadingChangesOnlyTheBucketsBetweenTheReadingsAroundIt(
            @ForAll("histories") List<DeviceHistories.Step> steps, @ForAll long seed) {
        var readings = DeviceHistories.meter(START, steps, false);
        Assume.that(readings.size() > 1);
        var late = readings.get(new Random(seed).nextInt(readings.size()));
        var model = new RollupModel(Map.of());
        model.rollUp(model.write(readings.stream().filter(r -> r != late).toList()));
        var before = model.stored();

        model.rollUp(model.write(List.of(late)));

        var earliest = late.ts();
        var latest = late.ts();
        for (var metric : late.named().keySet()) {
            if (metric.isCounter()) {
                var others = readings.stream()
                        .filter(other -> other != late && other.has(metric))
                        .map(Reading::ts)
                        .toList();
                var previous = others.stream().filter(late.ts()::isAfter).max(Instant::compareTo);
                var next = others.stream().filter(late.ts()::isBefore).min(Instant::compareTo);
                earliest = previous.filter(earliest::isAfter).orElse(earliest);
                latest = next.filter(latest::isBefore).orElse(latest);
            }
        }
        var from = floor(earliest);
        var to = floor(latest).plus(Recomputation.BUCKET);
        var after = model.stored();
        for (var start : after.keySet()) {
            if (!after.get(start).equals(before.get(start))) {
                assertThat(start).isBetween(from, to.minusNanos(1));
            }
        }
    }

    private static Instant floor(Instant instant) {
        return EpochMicros.instant(EpochMicros.floor(EpochMicros.of(instant), 5 * EpochMicros.MINUTE));
    }

    /** The readings dealt into 1 to 5 batches at random (a batch holds readings from anywhere in the history). */
    private static List<List<Reading>> randomBatches(List<Reading> readings, Random random) {
        int count = 1 + random.nextInt(5);
        var batches = new ArrayList<List<Reading>>();
        for (int i = 0; i < count; i++) {
            batches.add(new ArrayList<>());
        }
        readings.forEach(reading -> batches.get(random.nextInt(count)).add(reading));
        batches.removeIf(List::isEmpty);
        return batches;
    }

    /** The kinds of history: counters only, or power only that stands for consumption, or for import and export. */
    enum Device {
        METER_WITH_COUNTERS,
        PLUG_WITH_POWER_ONLY,
        GRID_METER_WITH_POWER_ONLY;

        List<Reading> readings(List<DeviceHistories.Step> steps, boolean nearRollover) {
            return this == METER_WITH_COUNTERS
                    ? DeviceHistories.meter(START, steps, nearRollover)
                    : DeviceHistories.plug(START, steps);
        }

        Map<Metric, Integer> energyFromPower() {
            return switch (this) {
                case METER_WITH_COUNTERS -> Map.of();
                case PLUG_WITH_POWER_ONLY -> EnergyFromPower.of(DeviceKind.SMART_PLUG);
                case GRID_METER_WITH_POWER_ONLY -> EnergyFromPower.of(DeviceKind.GRID_METER);
            };
        }
    }

    @Provide
    Arbitrary<List<DeviceHistories.Step>> histories() {
        return DeviceHistories.histories();
    }
}
