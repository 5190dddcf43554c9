package org.gridvault.simulator.home;

import java.time.Instant;

/** How much of the clear-sky sunlight gets through at an instant: 1 under a clear sky, about 0.2 under thick cloud. */
@FunctionalInterface
public interface Sky {

    Sky CLEAR = time -> 1.0;

    double clearSkyIndex(Instant time);
}
