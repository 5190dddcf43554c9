package org.gridvault.simulator.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HomeUnitTests {

    private static final Location BERLIN = Location.of(52.52, 13.40, "Europe/Berlin");
    private static final Instant MIDSUMMER = Instant.parse("2026-06-15T00:00:00Z");
    private static final Instant MIDWINTER = Instant.parse("2026-12-15T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(1);
    private static final int STEPS_PER_WEEK = 7 * 24 * 60;

    @Test
    void countersNeverDecreaseOverAWeek() {
        var states = week(Home.create(7, BERLIN), MIDSUMMER);

        for (int i = 1; i < states.size(); i++) {
            var before = states.get(i - 1);
            var after = states.get(i);
            assertThat(after.pvProducedWattHours()).isGreaterThanOrEqualTo(before.pvProducedWattHours());
            assertThat(after.loadConsumedWattHours()).isGreaterThanOrEqualTo(before.loadConsumedWattHours());
            assertThat(after.evDeliveredWattHours()).isGreaterThanOrEqualTo(before.evDeliveredWattHours());
            assertThat(after.batteryChargedWattHours()).isGreaterThanOrEqualTo(before.batteryChargedWattHours());
            assertThat(after.batteryDischargedWattHours()).isGreaterThanOrEqualTo(before.batteryDischargedWattHours());
            assertThat(after.gridImportWattHours()).isGreaterThanOrEqualTo(before.gridImportWattHours());
            assertThat(after.gridExportWattHours()).isGreaterThanOrEqualTo(before.gridExportWattHours());
        }
    }

    @Test
    void meterBalancesLoadEvBatteryAndPvOverAWeek() {
        var states = week(Home.create(7, BERLIN), MIDSUMMER);
        var first = states.getFirst();
        var last = states.getLast();

        double metered = (last.gridImportWattHours() - first.gridImportWattHours())
                - (last.gridExportWattHours() - first.gridExportWattHours());
        double behindTheMeter = (last.loadConsumedWattHours() - first.loadConsumedWattHours())
                + (last.evDeliveredWattHours() - first.evDeliveredWattHours())
                + (last.batteryChargedWattHours() - first.batteryChargedWattHours())
                - (last.pvProducedWattHours() - first.pvProducedWattHours())
                - (last.batteryDischargedWattHours() - first.batteryDischargedWattHours());

        assertThat(metered).isCloseTo(behindTheMeter, within(0.01));
        assertThat(last.gridExportWattHours() - first.gridExportWattHours())
                .as("a sunny June week exports something")
                .isPositive();
    }

    @Test
    void batteryStaysBetweenTenAndHundredPercent() {
        var states = new ArrayList<HomeState>();
        states.addAll(week(Home.create(3, BERLIN), MIDSUMMER));
        states.addAll(week(Home.create(3, BERLIN), MIDWINTER));

        assertThat(states)
                .allSatisfy(state -> assertThat(state.batterySocPercent()).isBetween(10 - 1e-9, 100 + 1e-9));
        assertThat(states)
                .anySatisfy(state -> assertThat(state.batterySocPercent()).isCloseTo(100, within(0.01)));
        assertThat(states)
                .anySatisfy(state -> assertThat(state.batterySocPercent()).isCloseTo(10, within(0.01)));
    }

    @Test
    void berlinProducesFarLessInAWinterWeekThanInASummerWeek() {
        double summer = 0;
        double winter = 0;
        for (long seed = 1; seed <= 3; seed++) {
            summer += produced(week(Home.create(seed, BERLIN), MIDSUMMER));
            winter += produced(week(Home.create(seed, BERLIN), MIDWINTER));
        }

        assertThat(winter).isLessThan(summer * 0.3);
    }

    @Test
    void pvIsZeroAtNight() {
        var states = week(Home.create(11, BERLIN), MIDSUMMER);

        assertThat(states)
                .filteredOn(state -> !SolarPosition.at(state.time(), BERLIN.latitude(), BERLIN.longitude())
                        .aboveHorizon())
                .isNotEmpty()
                .allSatisfy(state -> assertThat(state.pvWatts()).isZero());
    }

    @Test
    void carChargesOnSomeEveningsAndNotOnOthers() {
        var home = Home.create(5, BERLIN);
        Set<LocalDate> evenings = new HashSet<>();
        var states = new ArrayList<HomeState>();
        states.addAll(week(home, MIDSUMMER));
        states.addAll(week(home, MIDSUMMER.plus(Duration.ofDays(7))));

        for (HomeState state : states) {
            if (state.evWatts() > 0) {
                var local = state.time().atZone(BERLIN.zone());
                var time = local.toLocalTime();
                assertThat(time.isBefore(LocalTime.of(5, 0)) || !time.isBefore(LocalTime.of(18, 0)))
                        .as("charging at %s: it starts after 18:00 and is over by early morning", local)
                        .isTrue();
                evenings.add(time.isBefore(LocalTime.NOON) ? local.toLocalDate().minusDays(1) : local.toLocalDate());
            }
        }

        assertThat(evenings).hasSizeBetween(2, 12);
    }

    @Test
    void sameSeedGivesTheSameStates() {
        assertThat(week(Home.create(42, BERLIN), MIDWINTER)).isEqualTo(week(Home.create(42, BERLIN), MIDWINTER));
        assertThat(week(Home.create(42, BERLIN), MIDWINTER)).isNotEqualTo(week(Home.create(43, BERLIN), MIDWINTER));
    }

    @Test
    void refusesToGoBackInTime() {
        var home = Home.create(1, BERLIN);
        home.advanceTo(MIDSUMMER);

        assertThatThrownBy(() -> home.advanceTo(MIDSUMMER.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only moves forward");
    }

    @Test
    void countersStartWhereYearsOfOperationWouldHaveLeftThem() {
        var early = Home.create(9, BERLIN).advanceTo(Instant.parse("2026-01-01T00:00:00Z"));
        var later = Home.create(9, BERLIN).advanceTo(Instant.parse("2027-01-01T00:00:00Z"));

        assertThat(later.gridImportWattHours()).isGreaterThan(early.gridImportWattHours());
        assertThat(later.pvProducedWattHours()).isGreaterThan(early.pvProducedWattHours());
    }

    private static List<HomeState> week(Home home, Instant start) {
        var states = new ArrayList<HomeState>(STEPS_PER_WEEK + 1);
        Instant time = start;
        states.add(home.advanceTo(time));
        for (int step = 0; step < STEPS_PER_WEEK; step++) {
            time = time.plus(STEP);
            states.add(home.advanceTo(time));
        }
        return states;
    }

    private static double produced(List<HomeState> states) {
        return states.getLast().pvProducedWattHours() - states.getFirst().pvProducedWattHours();
    }
}
