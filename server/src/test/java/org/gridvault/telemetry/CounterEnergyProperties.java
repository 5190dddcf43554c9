package org.gridvault.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The energy maths of cumulative counters, for any history of readings. */
class CounterEnergyProperties {

    private static final Instant START = Instant.parse("2026-03-28T21:03:17Z");

    @Property(tries = 300)
    void energyIsNeverNegative(@ForAll("histories") List<DeviceHistories.Step> steps, @ForAll boolean nearRollover) {
        var series = Series.of(DeviceHistories.meter(START, steps, nearRollover), Metric.ENERGY_IMPORT_WH);
        var buckets = CounterEnergy.of(series.times(), series.values(), Series.every(series, 5));

        assertThat(Arrays.stream(buckets.energy()).min().orElse(0)).isNotNegative();
    }

    @Property(tries = 300)
    void finerBucketsAddUpExactlyToTheCoarserBucketsTheySplit(
            @ForAll("histories") List<DeviceHistories.Step> steps,
            @ForAll boolean nearRollover,
            @ForAll long coarsening) {
        var series = Series.of(DeviceHistories.meter(START, steps, nearRollover), Metric.ENERGY_IMPORT_WH);
        var fine = Series.every(series, 5);
        var coarse = Series.subset(fine, coarsening);

        var fineEnergy = CounterEnergy.of(series.times(), series.values(), fine).energy();
        var coarseEnergy =
                CounterEnergy.of(series.times(), series.values(), coarse).energy();

        assertThat(coarseEnergy).containsExactly(Series.sums(fineEnergy, fine, coarse));
    }

    @Property(tries = 300)
    void aHistoryWithoutResetsHasTheEnergyTheCounterShows(
            @ForAll("histories") List<DeviceHistories.Step> steps, @ForAll boolean nearRollover) {
        var growing = steps.stream()
                .map(step -> new DeviceHistories.Step(
                        step.gapSeconds(), step.increment(), step.event() % 90, step.carries(), step.watts()))
                .toList();
        var series = Series.of(DeviceHistories.meter(START, growing, nearRollover), Metric.ENERGY_IMPORT_WH);
        var values = series.values();
        long expected = 0;
        for (int i = 1; i < values.length; i++) {
            // Across a rollover, the previous value counts in the new value's frame (2^32 below it), as the meter's
            // own numbers do: adding 2^32 to the small new value instead can round a half differently in floating
            // point (4,294,967,302.4999995 is stored as ...302.5).
            var previous = values[i] < values[i - 1] ? values[i - 1] - DeviceHistories.UINT32 : values[i - 1];
            expected += Math.round(values[i]) - Math.round(previous);
        }

        var energy = CounterEnergy.of(series.times(), values, Series.every(series, 5))
                .energy();

        assertThat(Arrays.stream(energy).sum()).isEqualTo(expected);
    }

    @Property(tries = 300)
    void everyDropOfMoreThanAWattHourIsFlaggedWhereItWasSeen(
            @ForAll("histories") List<DeviceHistories.Step> steps, @ForAll boolean nearRollover) {
        var series = Series.of(DeviceHistories.meter(START, steps, nearRollover), Metric.ENERGY_IMPORT_WH);
        var boundaries = Series.every(series, 5);

        var buckets = CounterEnergy.of(series.times(), series.values(), boundaries);

        var values = series.values();
        for (int i = 1; i < values.length; i++) {
            int bucket = EpochMicros.bucketOf(boundaries, series.times()[i]);
            if (values[i] < values[i - 1] - CounterStep.JITTER_WH) {
                assertThat(buckets.reset()[bucket] || buckets.rollover()[bucket])
                        .as("drop from %s to %s", values[i - 1], values[i])
                        .isTrue();
            }
        }
    }

    @Provide
    Arbitrary<List<DeviceHistories.Step>> histories() {
        return DeviceHistories.histories();
    }
}
