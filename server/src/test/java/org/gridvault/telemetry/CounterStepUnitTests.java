package org.gridvault.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CounterStepUnitTests {

    @Test
    void countsTheDifferenceOfAGrowingCounter() {
        assertThat(CounterStep.between(1_000.5, 1_250.5))
                .isEqualTo(new CounterStep(250, 1_000.5, CounterStep.Kind.INCREASE));
    }

    @Test
    void readsADropOfAtMostOneWattHourAsNoEnergy() {
        assertThat(CounterStep.between(1_000, 999.2)).isEqualTo(new CounterStep(0, 999.2, CounterStep.Kind.JITTER));
    }

    @Test
    void readsAnyOtherDropAsARestartFromZero() {
        assertThat(CounterStep.between(52_000, 120)).isEqualTo(new CounterStep(120, 0, CounterStep.Kind.RESET));
        assertThat(CounterStep.between(52_000, 51_000).kind()).isEqualTo(CounterStep.Kind.RESET);
    }

    @Test
    void readsADropFromJustBelowALimitToJustAboveZeroAsARollover() {
        var step = CounterStep.between(4_294_967_000d, 704);

        assertThat(step.kind()).isEqualTo(CounterStep.Kind.ROLLOVER);
        assertThat(step.energy()).isEqualTo(296 + 704);
        assertThat(step.frameStart()).isEqualTo(-296);
        assertThat(CounterStep.between(999_999_990, 5).energy()).isEqualTo(15);
    }

    @Test
    void readsADropFromFarBelowEveryLimitAsAReset() {
        assertThat(CounterStep.between(3_000_000_000d, 704).kind()).isEqualTo(CounterStep.Kind.RESET);
    }
}
