package org.gridvault.retention;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link Retention} on its own: right after the server starts (which catches up a day missed while it was
 * down) and then every {@code gridvault.retention.check-interval}. Only in the server (scheduling is off for one-off
 * commands), and only with {@code gridvault.retention.enabled} (the default).
 */
@Component
@ConditionalOnBooleanProperty(name = "gridvault.retention.enabled", matchIfMissing = true)
class RetentionSchedule {

    private final Retention retention;

    RetentionSchedule(Retention retention) {
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${gridvault.retention.check-interval:1h}")
    void runIfDue() {
        retention.runIfDue();
    }
}
