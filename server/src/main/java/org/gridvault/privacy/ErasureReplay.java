package org.gridvault.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At every start: erases again whoever the erasure ledger names and a restored database brought back (P18). Not in
 * command mode ({@code gridvault.command}), whose commands only read.
 */
@Component
@ConditionalOnExpression("'${gridvault.command:}' == ''")
class ErasureReplay {

    private static final Logger log = LoggerFactory.getLogger(ErasureReplay.class);

    private final Erasures erasures;
    private final ErasureLedger ledger;

    ErasureReplay(Erasures erasures, ErasureLedger ledger) {
        this.erasures = erasures;
        this.ledger = ledger;
    }

    @EventListener(ApplicationReadyEvent.class)
    void replay() {
        var found = erasures.replay();
        if (found > 0) {
            log.warn("Erased {} people again who the erasure ledger {} names", found, ledger.file());
        }
    }
}
