package org.gridvault.simulator.home;

import java.time.Duration;
import java.time.Instant;

/** A stretch of constant power draw, such as a kettle boiling or a washing machine heating water. */
record Phase(Instant start, Instant end, double watts) {

    static Phase of(Instant start, Duration length, double watts) {
        return new Phase(start, start.plus(length), watts);
    }

    /** Energy drawn within [from, to], exactly: power times the overlap. */
    double energyWattHours(Instant from, Instant to) {
        Instant overlapStart = start.isAfter(from) ? start : from;
        Instant overlapEnd = end.isBefore(to) ? end : to;
        if (!overlapEnd.isAfter(overlapStart)) {
            return 0;
        }
        return watts * Duration.between(overlapStart, overlapEnd).toNanos() / 3.6e12;
    }
}
