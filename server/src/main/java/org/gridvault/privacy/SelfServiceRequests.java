package org.gridvault.privacy;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enters the rights a person exercises by themselves, at once, into the register: a download of their data (access,
 * or portability for a Green Button feed) and a correction of their data (rectification), each as a completed
 * request, so the register shows every request, not only those that take time.
 *
 * <p>Recorded after the export's or correction's transaction commits (an export reads in a read-only one), in a
 * transaction of its own.
 */
@Component
class SelfServiceRequests {

    private final PrivacyRequests requests;
    private final TransactionTemplate ownTransaction;

    SelfServiceRequests(PrivacyRequests requests, PlatformTransactionManager transactions) {
        this.requests = requests;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PersonalDataExported export) {
        var type = export.format().equals("greenbutton") ? RequestType.PORTABILITY : RequestType.ACCESS;
        ownTransaction.executeWithoutResult(
                status -> requests.recordCompleted(export.subject(), type, "format=" + export.format()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PersonalDataCorrected correction) {
        var detail = "categories=" + String.join(",", new java.util.TreeSet<>(correction.categories()))
                + (correction.resource() == null ? "" : " resource=" + correction.resource())
                + " notices=" + correction.notices();
        ownTransaction.executeWithoutResult(
                status -> requests.recordCompleted(correction.subject(), RequestType.RECTIFICATION, detail));
    }
}
