package org.gridvault.web;

import org.jspecify.annotations.Nullable;

/** How a figure changed from the previous period to this one, as a share of the previous value. */
final class PeriodChange {

    private PeriodChange() {}

    /** {@code (now - before) / before}; null when there was nothing before (no share of nothing). */
    static @Nullable Double of(long now, long before) {
        return before == 0 ? null : (double) (now - before) / before;
    }
}
