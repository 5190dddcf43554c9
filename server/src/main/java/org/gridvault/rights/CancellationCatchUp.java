package org.gridvault.rights;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, carries out the cancellations that came due while GridVault was not running. Not in command mode
 * ({@code gridvault.command}), whose commands only read.
 */
@Component
@ConditionalOnExpression("'${gridvault.command:}' == ''")
class CancellationCatchUp {

    private static final Logger log = LoggerFactory.getLogger(CancellationCatchUp.class);

    private final Cancellations cancellations;

    CancellationCatchUp(Cancellations cancellations) {
        this.cancellations = cancellations;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        var carried = cancellations.runDue();
        if (carried > 0) {
            log.info("Carried out {} account cancellations that came due while GridVault was not running", carried);
        }
    }
}
