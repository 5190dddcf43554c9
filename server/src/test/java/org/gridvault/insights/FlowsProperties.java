package org.gridvault.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gridvault.telemetry.EnergyInterval;

/** The decomposition of measured intervals into flows, for any measurements. */
class FlowsProperties {

    private static final Instant START = Instant.parse("2026-03-29T10:00:00Z");

    @Property(tries = 2_000)
    void flowsOfABalancedIntervalAddUpToEveryMeasurement(@ForAll("balanced") EnergyInterval interval) {
        var measured = MeasuredEnergy.of(interval);

        var flows = Flows.of(measured);

        assertThat(flows.fromSolarWh()).as("solar").isEqualTo(interval.productionWh());
        assertThat(flows.fromGridWh()).as("import").isEqualTo(interval.gridImportWh());
        assertThat(flows.fromBatteryWh()).as("discharge").isEqualTo(interval.batteryDischargeWh());
        assertThat(flows.toGridWh()).as("export").isEqualTo(interval.gridExportWh());
        assertThat(flows.toBatteryWh()).as("charge").isEqualTo(interval.batteryChargeWh());
        assertThat(flows.toEvWh()).as("EV").isEqualTo(interval.evChargingWh());
        assertThat(flows.toHomeWh()).as("home").isEqualTo(interval.consumptionWh() - interval.evChargingWh());
        assertNotNegative(flows);
    }

    @Property(tries = 2_000)
    void flowsAreNeverNegativeAndNeverExceedAMeasurement(@ForAll("anyMeasurements") EnergyInterval interval) {
        var measured = MeasuredEnergy.of(interval);

        var flows = Flows.of(measured);

        assertNotNegative(flows);
        assertWithinMeasurements(flows, measured);
    }

    @Property(tries = 2_000)
    void noisyIntervalsStayWithinTheirMeasurementsAndLeaveAtMostTheNoiseUnexplained(
            @ForAll("balanced") EnergyInterval interval, @ForAll("noise") List<Integer> noise) {
        var noisy = withNoise(interval, noise);
        var measured = MeasuredEnergy.of(noisy);

        var flows = Flows.of(measured);

        assertNotNegative(flows);
        assertWithinMeasurements(flows, measured);
        long sources = measured.productionWh() + measured.gridImportWh() + measured.batteryDischargeWh();
        long explained = flows.fromSolarWh() + flows.fromGridWh() + flows.fromBatteryWh();
        long totalNoise = noise.stream().mapToLong(Math::abs).sum();
        assertThat(sources - explained).isLessThanOrEqualTo(2 * totalNoise);
    }

    @Property(tries = 1_000)
    void ratiosAreBetweenZeroAndOneOrNullWithoutADenominator(@ForAll("anyMeasurements") EnergyInterval interval) {
        var ratios = Ratios.of(MeasuredEnergy.of(interval));

        if (interval.consumptionWh() == 0) {
            assertThat(ratios.selfSufficiency()).isNull();
        } else {
            assertThat(ratios.selfSufficiency()).isBetween(0.0, 1.0);
        }
        if (interval.productionWh() == 0) {
            assertThat(ratios.selfConsumption()).isNull();
        } else {
            assertThat(ratios.selfConsumption()).isBetween(0.0, 1.0);
        }
    }

    /** Intervals made from flows, so that their measurements balance as physics wants. */
    @Provide
    Arbitrary<EnergyInterval> balanced() {
        var wh = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0L)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 5_000)));
        return wh.list().ofSize(10).map(f -> {
            long solarToHome = f.get(0), solarToEv = f.get(1), solarToBattery = f.get(2), solarToGrid = f.get(3);
            long gridToHome = f.get(4), gridToEv = f.get(5), gridToBattery = f.get(6);
            long batteryToHome = f.get(7), batteryToEv = f.get(8), batteryToGrid = f.get(9);
            return interval(
                    gridToHome + gridToEv + gridToBattery,
                    solarToGrid + batteryToGrid,
                    solarToHome + solarToEv + solarToBattery + solarToGrid,
                    solarToBattery + gridToBattery,
                    batteryToHome + batteryToEv + batteryToGrid,
                    solarToEv + gridToEv + batteryToEv);
        });
    }

    /** Any measurements at all, balanced or not, as telemetry reports them (consumption clamped at 0). */
    @Provide
    Arbitrary<EnergyInterval> anyMeasurements() {
        var wh = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0L)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 10_000)));
        return Combinators.combine(wh, wh, wh, wh, wh, wh).as(FlowsProperties::interval);
    }

    /** Rounding noise and meters reporting at slightly different times: a few Wh either way on each measurement. */
    @Provide
    Arbitrary<List<Integer>> noise() {
        return Arbitraries.integers().between(-20, 20).list().ofSize(6);
    }

    private static EnergyInterval withNoise(EnergyInterval interval, List<Integer> noise) {
        return interval(
                Math.max(0, interval.gridImportWh() + noise.get(0)),
                Math.max(0, interval.gridExportWh() + noise.get(1)),
                Math.max(0, interval.productionWh() + noise.get(2)),
                Math.max(0, interval.batteryChargeWh() + noise.get(3)),
                Math.max(0, interval.batteryDischargeWh() + noise.get(4)),
                Math.max(0, interval.evChargingWh() + noise.get(5)));
    }

    /** As telemetry builds it: consumption from the balance, 0 where that is negative. */
    private static EnergyInterval interval(
            long imported, long exported, long produced, long charged, long discharged, long ev) {
        long consumption = Math.max(0, produced + imported + discharged - exported - charged);
        return new EnergyInterval(START, imported, exported, produced, charged, discharged, ev, consumption);
    }

    private static void assertNotNegative(Flows flows) {
        assertThat(List.of(
                        flows.solarToHomeWh(),
                        flows.solarToEvWh(),
                        flows.solarToBatteryWh(),
                        flows.solarToGridWh(),
                        flows.gridToHomeWh(),
                        flows.gridToEvWh(),
                        flows.gridToBatteryWh(),
                        flows.batteryToHomeWh(),
                        flows.batteryToEvWh(),
                        flows.batteryToGridWh()))
                .allSatisfy(flow -> assertThat(flow).isNotNegative());
    }

    private static void assertWithinMeasurements(Flows flows, MeasuredEnergy measured) {
        assertThat(flows.fromSolarWh()).isLessThanOrEqualTo(measured.productionWh());
        assertThat(flows.fromGridWh()).isLessThanOrEqualTo(measured.gridImportWh());
        assertThat(flows.fromBatteryWh()).isLessThanOrEqualTo(measured.batteryDischargeWh());
        assertThat(flows.toGridWh()).isLessThanOrEqualTo(measured.gridExportWh());
        assertThat(flows.toBatteryWh()).isLessThanOrEqualTo(measured.batteryChargeWh());
        assertThat(flows.toEvWh()).isLessThanOrEqualTo(measured.evChargingWh());
        assertThat(flows.toHomeWh()).isLessThanOrEqualTo(measured.homeWh());
    }
}
