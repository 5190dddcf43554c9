package org.gridvault.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.gridvault.telemetry.EnergyInterval;
import org.junit.jupiter.api.Test;

class EnergyTotalsUnitTests {

    private static final Instant T = Instant.parse("2026-03-26T10:00:00Z");

    @Test
    void sumsThePeriodAndDerivesSelfSufficiencyAndSelfConsumption() {
        var totals = EnergyTotals.of(List.of(
                new EnergyInterval(T, 1_000, 500, 4_000, 0, 0, 0, 4_500),
                new EnergyInterval(T.plusSeconds(3600), 2_000, 0, 0, 0, 500, 0, 2_500)));

        assertThat(totals.productionWh()).isEqualTo(4_000);
        assertThat(totals.consumptionWh()).isEqualTo(7_000);
        assertThat(totals.gridImportWh()).isEqualTo(3_000);
        assertThat(totals.selfSufficiency()).isCloseTo(4.0 / 7, within(1e-9));
        assertThat(totals.selfConsumption()).isCloseTo(0.875, within(1e-9));
    }

    @Test
    void hasNoRatiosWithoutConsumptionOrProduction() {
        var totals = EnergyTotals.of(List.of(new EnergyInterval(T, 0, 0, 0, 0, 0, 0, 0)));

        assertThat(totals.selfSufficiency()).isNull();
        assertThat(totals.selfConsumption()).isNull();
    }

    @Test
    void importingMoreThanWasConsumedMeansNoSelfSufficiencyRatherThanANegativeOne() {
        var totals = EnergyTotals.of(List.of(new EnergyInterval(T, 3_000, 0, 0, 2_000, 0, 0, 1_000)));

        assertThat(totals.selfSufficiency()).isZero();
    }

    @Test
    void comparesWithThePreviousPeriodOnlyWhenThereWasSomething() {
        assertThat(EnergyTotals.change(1_200, 1_000)).isCloseTo(0.2, within(1e-9));
        assertThat(EnergyTotals.change(800, 1_000)).isCloseTo(-0.2, within(1e-9));
        assertThat(EnergyTotals.change(800, 0)).isNull();
    }
}
