package org.gridvault.simulator.home;

import java.time.Duration;
import java.time.Instant;

/** An evening's car: plugged in at {@code pluggedIn}, charging at {@code watts} until {@code targetWattHours} is in. */
record ChargingSession(Instant pluggedIn, double watts, double targetWattHours) {

    /** Energy delivered from plug-in up to {@code time}. */
    double deliveredBy(Instant time) {
        if (!time.isAfter(pluggedIn)) {
            return 0;
        }
        double hours = Duration.between(pluggedIn, time).toNanos() / 3.6e12;
        return Math.min(targetWattHours, watts * hours);
    }

    Instant finished() {
        return pluggedIn.plusNanos((long) (targetWattHours / watts * 3.6e12));
    }
}
