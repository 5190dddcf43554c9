package org.gridvault.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.gridvault.devices.DeviceId;
import org.junit.jupiter.api.Test;

class SequenceTrackingUnitTests {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final MutableDeviceState state = new MutableDeviceState(new DeviceId(UUID.randomUUID()));

    @Test
    void acceptsALateReadingThatFillsAGapAndCountsTheGapAsFilled() {
        assertThat(accept(1, 1)).isTrue();
        assertThat(accept(3, 3)).isTrue();
        assertThat(state.snapshot().sequenceGaps()).isEqualTo(1);

        assertThat(accept(2, 2)).as("seq 2 arrives late, out of order").isTrue();

        assertThat(state.snapshot().sequenceGaps()).isZero();
        assertThat(state.snapshot().duplicates()).isZero();
    }

    @Test
    void dropsAReadingSeenBeforeEvenWhenItIsNotTheLatest() {
        accept(1, 1);
        accept(2, 2);
        accept(3, 3);

        assertThat(accept(2, 2)).isFalse();
        assertThat(accept(3, 3)).isFalse();
        assertThat(state.snapshot().duplicates()).isEqualTo(2);
    }

    @Test
    void followsADeviceThatRestartedItsSequence() {
        accept(40, 40);

        assertThat(accept(1, 41))
                .as("a newer reading with a low seq: the device rebooted")
                .isTrue();
        assertThat(accept(2, 42)).isTrue();
        assertThat(accept(1, 41)).isFalse();
    }

    @Test
    void acceptsAReadingAgainWhoseWriteFailed() {
        accept(5, 5);
        accept(6, 6);

        state.forgetSequence(5);
        state.forgetSequence(6);

        assertThat(accept(5, 5)).isTrue();
        assertThat(accept(6, 6)).isTrue();
        assertThat(state.snapshot().duplicates()).isZero();
    }

    private boolean accept(long seq, long minute) {
        return state.acceptSequence(seq, T0.plusSeconds(60 * minute));
    }
}
