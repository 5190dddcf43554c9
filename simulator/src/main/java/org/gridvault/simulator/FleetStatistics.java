package org.gridvault.simulator;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How a running fleet is doing: ticks run, readings delivered and failed (so far), the simulated time of the last
 * tick and the last failure's message.
 */
public record FleetStatistics(
        long ticks,
        long published,
        long failed,
        @Nullable Instant simulatedTime,
        @Nullable String lastFailure) {

    /** One line for a log: {@code 12 ticks, 960 readings published, 0 failed, simulated time 2026-...}. */
    public String summary() {
        return ticks + " ticks, " + published + " readings published, " + failed + " failed"
                + (simulatedTime == null ? "" : ", simulated time " + simulatedTime)
                + (lastFailure == null ? "" : ", last failure: " + lastFailure);
    }
}
