package org.gridvault.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PeriodChangeUnitTests {

    @Test
    void isTheShareOfThePreviousValue() {
        assertThat(PeriodChange.of(1_200, 1_000)).isCloseTo(0.2, within(1e-9));
        assertThat(PeriodChange.of(800, 1_000)).isCloseTo(-0.2, within(1e-9));
    }

    @Test
    void isUnknownWhenThereWasNothingBefore() {
        assertThat(PeriodChange.of(800, 0)).isNull();
    }
}
