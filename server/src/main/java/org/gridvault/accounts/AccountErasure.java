package org.gridvault.accounts;

import org.gridvault.privacy.ErasureParticipant;
import org.gridvault.privacy.ErasureReports;
import org.gridvault.privacy.ErasureRequested;
import org.gridvault.privacy.WithoutDisclosure;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a person's account: the person row with its sessions, tokens and memberships (cascading), and the failed
 * log-ins counted for their e-mail address. Runs after the other modules (which may still look the person up).
 */
@WithoutDisclosure("Erases the person's own account at their request; reads nothing out")
@Component
class AccountErasure implements ErasureParticipant {

    private final JdbcClient jdbc;
    private final ErasureReports reports;

    AccountErasure(JdbcClient jdbc, ErasureReports reports) {
        this.jdbc = jdbc;
        this.reports = reports;
    }

    @Override
    public String part() {
        return "accounts";
    }

    @EventListener
    @Order(100)
    @Transactional
    public void on(ErasureRequested event) {
        var person = event.subject().value();
        jdbc.sql("""
                        delete from accounts.login_failures
                        where email_lookup in (select email_lookup from accounts.people where id = :person)
                        """).param("person", person).update();
        jdbc.sql("delete from accounts.access_tokens where person_id = :person")
                .param("person", person)
                .update();
        jdbc.sql("delete from accounts.memberships where person_id = :person")
                .param("person", person)
                .update();
        jdbc.sql("delete from accounts.people where id = :person")
                .param("person", person)
                .update();
        reports.report(event.request(), part());
    }
}
