package org.gridvault.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Energy integrated from power, for any history of power readings. */
class PowerEnergyProperties {

    private static final Instant START = Instant.parse("2026-10-24T22:41:09Z");
    private static final long MAX_GAP = 15 * EpochMicros.MINUTE;

    @Property(tries = 300)
    void energyIsNeverNegative(@ForAll("histories") List<DeviceHistories.Step> steps) {
        var series = Series.of(DeviceHistories.plug(START, steps), Metric.POWER_W);

        var energy = PowerEnergy.of(series.times(), series.values(), Series.every(series, 5), MAX_GAP)
                .energy();

        assertThat(Arrays.stream(energy).min().orElse(0)).isNotNegative();
    }

    @Property(tries = 300)
    void finerBucketsAddUpExactlyToTheCoarserBucketsTheySplit(
            @ForAll("histories") List<DeviceHistories.Step> steps, @ForAll long coarsening) {
        var series = Series.of(DeviceHistories.plug(START, steps), Metric.POWER_W);
        var fine = Series.every(series, 5);
        var coarse = Series.subset(fine, coarsening);

        var fineEnergy =
                PowerEnergy.of(series.times(), series.values(), fine, MAX_GAP).energy();
        var coarseEnergy =
                PowerEnergy.of(series.times(), series.values(), coarse, MAX_GAP).energy();

        assertThat(coarseEnergy).containsExactly(Series.sums(fineEnergy, fine, coarse));
    }

    @Property(tries = 100)
    void gapsLongerThanTheLimitContributeNothing(@ForAll("histories") List<DeviceHistories.Step> steps) {
        var sparse = steps.stream()
                .map(step -> new DeviceHistories.Step(
                        16 * 60 + step.gapSeconds(), step.increment(), step.event(), step.carries(), step.watts()))
                .toList();
        var series = Series.of(DeviceHistories.plug(START, sparse), Metric.POWER_W);

        var energy = PowerEnergy.of(series.times(), series.values(), Series.every(series, 5), MAX_GAP)
                .energy();

        assertThat(Arrays.stream(energy).sum()).isZero();
    }

    @Property(tries = 100)
    void steadyPowerGivesPowerTimesTimeToWithinHalfAWattHourPerHour(
            @ForAll @DoubleRange(min = 0, max = 10_000) double watts,
            @ForAll @IntRange(min = 1, max = 600) int intervalSeconds,
            @ForAll @IntRange(min = 1, max = 48) int hours) {
        long start = EpochMicros.of(START);
        int count = hours * 3_600 / intervalSeconds + 1;
        var times = new long[count];
        var values = new double[count];
        for (int i = 0; i < count; i++) {
            times[i] = start + (long) i * intervalSeconds * EpochMicros.SECOND;
            values[i] = watts;
        }
        long[] boundaries = {EpochMicros.floor(start, EpochMicros.HOUR), times[count - 1] + EpochMicros.HOUR};

        var energy = PowerEnergy.of(times, values, boundaries, MAX_GAP).energy()[0];

        double exact = watts * (times[count - 1] - times[0]) / EpochMicros.HOUR;
        assertThat((double) energy).isCloseTo(exact, org.assertj.core.data.Offset.offset(0.5 * (hours + 2)));
    }

    @Provide
    Arbitrary<List<DeviceHistories.Step>> histories() {
        return DeviceHistories.histories();
    }
}
