package org.gridvault.simulator.home;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Remembers the last few days' plans, since each step asks for today's and yesterday's. Not thread-safe. */
final class DailyPlans<T> {

    private final Function<LocalDate, T> planner;
    private final Map<LocalDate, T> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, T> eldest) {
            return size() > 8;
        }
    };

    DailyPlans(Function<LocalDate, T> planner) {
        this.planner = planner;
    }

    T on(LocalDate date) {
        return recent.computeIfAbsent(date, planner);
    }
}
