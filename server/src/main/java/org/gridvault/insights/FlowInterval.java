package org.gridvault.insights;

import java.time.Instant;

/**
 * A site's energy flows in one interval {@code [start, end)} (or a whole period), with what was measured and the
 * ratios derived from it.
 *
 * @param measured the measured energy the flows were allocated from (sums of quarter hours)
 * @param flows the sums of the quarter hours' flows (see {@link Flows#of})
 * @param ratios self-sufficiency and self-consumption of {@code measured}
 */
public record FlowInterval(Instant start, Instant end, MeasuredEnergy measured, Flows flows, Ratios ratios) {

    static FlowInterval of(Instant start, Instant end, MeasuredEnergy measured, Flows flows) {
        return new FlowInterval(start, end, measured, flows, Ratios.of(measured));
    }
}
