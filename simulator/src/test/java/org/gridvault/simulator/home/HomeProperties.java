package org.gridvault.simulator.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.DoubleStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class HomeProperties {

    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final long YEARS_OF_SECONDS = 3L * 365 * 86_400;

    @Property(tries = 25)
    void countersOnlyGrowPowersAreFiniteSocStaysInBoundsAndTheMeterBalances(
            @ForAll long seed,
            @ForAll("locations") Location location,
            @ForAll("instants") Instant start,
            @ForAll @IntRange(min = 10, max = 900) int stepSeconds) {
        var home = Home.create(seed, location);
        var first = home.advanceTo(start);
        var previous = first;
        for (long elapsed = stepSeconds; elapsed <= 2 * 86_400; elapsed += stepSeconds) {
            var state = home.advanceTo(start.plusSeconds(elapsed));

            assertThat(state.pvProducedWattHours()).isGreaterThanOrEqualTo(previous.pvProducedWattHours());
            assertThat(state.loadConsumedWattHours()).isGreaterThanOrEqualTo(previous.loadConsumedWattHours());
            assertThat(state.evDeliveredWattHours()).isGreaterThanOrEqualTo(previous.evDeliveredWattHours());
            assertThat(state.batteryChargedWattHours()).isGreaterThanOrEqualTo(previous.batteryChargedWattHours());
            assertThat(state.batteryDischargedWattHours())
                    .isGreaterThanOrEqualTo(previous.batteryDischargedWattHours());
            assertThat(state.gridImportWattHours()).isGreaterThanOrEqualTo(previous.gridImportWattHours());
            assertThat(state.gridExportWattHours()).isGreaterThanOrEqualTo(previous.gridExportWattHours());

            assertThat(DoubleStream.of(
                                    state.pvWatts(),
                                    state.loadWatts(),
                                    state.evWatts(),
                                    state.batteryWatts(),
                                    state.gridWatts(),
                                    state.gridVolts(),
                                    state.gridHertz())
                            .allMatch(Double::isFinite))
                    .isTrue();
            assertThat(state.pvWatts()).isGreaterThanOrEqualTo(0);
            assertThat(state.evWatts()).isGreaterThanOrEqualTo(0);
            assertThat(state.batterySocPercent()).isBetween(10 - 1e-9, 100 + 1e-9);
            previous = state;
        }

        double metered = (previous.gridImportWattHours() - first.gridImportWattHours())
                - (previous.gridExportWattHours() - first.gridExportWattHours());
        double behindTheMeter = (previous.loadConsumedWattHours() - first.loadConsumedWattHours())
                + (previous.evDeliveredWattHours() - first.evDeliveredWattHours())
                + (previous.batteryChargedWattHours() - first.batteryChargedWattHours())
                - (previous.pvProducedWattHours() - first.pvProducedWattHours())
                - (previous.batteryDischargedWattHours() - first.batteryDischargedWattHours());
        assertThat(metered).isCloseTo(behindTheMeter, within(0.01));
    }

    @Provide
    Arbitrary<Location> locations() {
        return Combinators.combine(
                        Arbitraries.doubles().between(-60, 65),
                        Arbitraries.doubles().between(-180, 180),
                        Arbitraries.of(
                                "Europe/Berlin",
                                "Europe/Lisbon",
                                "Europe/Amsterdam",
                                "Asia/Singapore",
                                "America/New_York",
                                "Australia/Sydney",
                                "UTC"))
                .as((latitude, longitude, zone) -> new Location(latitude, longitude, ZoneId.of(zone)));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, YEARS_OF_SECONDS).map(FROM::plusSeconds);
    }
}
