package org.gridvault.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FleetUnitTests {

    private static final Instant START = Instant.parse("2026-11-21T10:15:00Z");

    @Test
    void eachTickAdvancesSimulatedTimeByOneStepAndPublishesEveryDevice() {
        var sink = new RecordingSink();
        var fleet = new Fleet(
                List.of(TestHomes.berlin(1, "A"), TestHomes.berlin(2, "B")), sink, START, Duration.ofSeconds(10));

        fleet.tick();
        fleet.tick();
        fleet.tick();

        assertThat(sink.readings()).hasSize(3 * 2 * 4);
        assertThat(sink.readings())
                .extracting(Reading::time)
                .containsOnly(START, START.plusSeconds(10), START.plusSeconds(20));
        assertThat(sink.readings().getLast().time()).isEqualTo(START.plusSeconds(20));
        assertThat(fleet.statistics()).isEqualTo(new FleetStatistics(3, 24, 0, START.plusSeconds(20), null));
    }

    @Test
    void countsReadingsTheSinkCouldNotDeliver() {
        ReadingSink refusing = reading -> CompletableFuture.failedFuture(new IllegalStateException("broker away"));
        var fleet = new Fleet(List.of(TestHomes.berlin(1, "A")), refusing, START, Duration.ofSeconds(10));

        fleet.tick();

        assertThat(fleet.statistics().published()).isZero();
        assertThat(fleet.statistics().failed()).isEqualTo(4);
        assertThat(fleet.statistics().lastFailure()).contains("broker away");
        assertThat(fleet.statistics().summary()).contains("0 readings published, 4 failed");
    }

    @Test
    void keepsTickingWhenTheSinkThrows() {
        ReadingSink throwing = reading -> {
            throw new IllegalStateException("boom");
        };
        var fleet = new Fleet(List.of(TestHomes.berlin(1, "A")), throwing, START, Duration.ofSeconds(10));

        fleet.tick();
        fleet.tick();

        assertThat(fleet.statistics().ticks()).isEqualTo(2);
        assertThat(fleet.statistics().failed()).isEqualTo(8);
    }

    @Test
    void runsOnItsOwnScheduleWithSimulatedTimeSpedUp() {
        var sink = new RecordingSink();
        var clock = Clock.fixed(START, ZoneOffset.UTC);

        try (var fleet = Fleet.start(List.of(TestHomes.berlin(1, "A")), sink, clock, Duration.ofMillis(20), 30)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> fleet.statistics().ticks() >= 3);
        }

        assertThat(sink.readings().subList(0, 12))
                .extracting(Reading::time)
                .containsOnly(START, START.plusMillis(600), START.plusMillis(1200));
    }

    @Test
    void refusesNonsenseIntervalsAndSpeeds() {
        var clock = Clock.fixed(START, ZoneOffset.UTC);
        var sink = new RecordingSink();

        assertThatThrownBy(() -> Fleet.start(List.of(), sink, clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> Fleet.start(List.of(), sink, clock, Duration.ofSeconds(1), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speed");
    }
}
