package org.gridvault.telemetry;

/**
 * How a cumulative counter moved from one reading to the next, and the energy that stands for.
 *
 * <p>A counter that grows gave the difference. A counter that went down did one of three things:
 *
 * <ul>
 *   <li><b>jitter</b>: it went down by at most {@value #JITTER_WH} Wh (a meter re-reporting a rounded value); this
 *       counts as no energy and is not flagged;
 *   <li><b>rollover</b>: the previous value was in the top 1 % below one of the limits counters wrap at ({@link
 *       #LIMITS}: 2<sup>16</sup>, 2<sup>24</sup>, 2<sup>31</sup>, 2<sup>32</sup>, 2<sup>48</sup> and 10<sup>4</sup>
 *       to 10<sup>12</sup> Wh) and the new value is below 1 % of that limit: the energy is {@code limit - previous +
 *       current};
 *   <li><b>reset</b>: anything else: the device restarted counting from zero, and the energy is the new value.
 * </ul>
 *
 * Resets and rollovers are flagged on the bucket of the reading that showed them, so that a person can check them (a
 * swapped meter looks like a reset too). The energy is never negative.
 *
 * @param energy the energy between the two readings, in Wh, never negative
 * @param frameStart where the counter stood at the earlier reading, in the frame of the later reading's value: {@code
 *     current - energy} (0 after a reset, negative after a rollover)
 * @param kind what happened
 */
record CounterStep(double energy, double frameStart, Kind kind) {

    /** Decreases up to this many Wh are jitter, not resets. */
    static final double JITTER_WH = 1.0;

    static final double[] LIMITS = {
        1e4,
        65_536,
        1e5,
        1e6,
        1e7,
        16_777_216,
        1e8,
        1e9,
        2_147_483_648d,
        4_294_967_296d,
        1e10,
        1e11,
        1e12,
        281_474_976_710_656d
    };

    /** What a counter did between two readings. */
    enum Kind {
        INCREASE,
        JITTER,
        RESET,
        ROLLOVER
    }

    static CounterStep between(double previous, double current) {
        if (current >= previous) {
            return new CounterStep(current - previous, previous, Kind.INCREASE);
        }
        if (previous - current <= JITTER_WH) {
            return new CounterStep(0, current, Kind.JITTER);
        }
        for (var limit : LIMITS) {
            if (previous < limit && previous >= 0.99 * limit && current >= 0 && current < 0.01 * limit) {
                return new CounterStep(limit - previous + current, previous - limit, Kind.ROLLOVER);
            }
        }
        var energy = Math.max(0, current);
        return new CounterStep(energy, current - energy, Kind.RESET);
    }
}
