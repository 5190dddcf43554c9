package org.gridvault.sites;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.gridvault.accounts.Accounts;
import org.gridvault.accounts.PersonId;
import org.gridvault.privacy.ErasureParticipant;
import org.gridvault.privacy.ErasureReports;
import org.gridvault.privacy.ErasureRequested;
import org.gridvault.privacy.Pseudonyms;
import org.gridvault.privacy.WithoutDisclosure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a person's part of sites: the sites they own, with everything on them ({@link SiteErased} lets devices and
 * telemetry go first, in this transaction), the grants they hold on other people's sites (which end:
 * {@link SiteAccessRevoked}, then the rows go), and their name as the one who granted access on other sites (replaced
 * by the erased-person id, so the other owner's list of grants stays whole), and invitations addressed to them.
 */
@WithoutDisclosure("Erases the person's own sites and grants at their request; reads nothing out")
@Component
class SiteErasure implements ErasureParticipant {

    /** Stands for an erased person where another person's rows must keep a value. */
    static final UUID ERASED_PERSON = new UUID(0, 0);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Pseudonyms pseudonyms;
    private final ErasureReports reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SiteErasure(
            JdbcClient jdbc,
            Accounts accounts,
            Pseudonyms pseudonyms,
            ErasureReports reports,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.pseudonyms = pseudonyms;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String part() {
        return "sites";
    }

    @EventListener
    @Order(10)
    @Transactional
    public void on(ErasureRequested event) {
        var person = event.subject().value();
        var now = clock.instant();
        var owned = jdbc.sql("select id from sites.sites where owner_id = :person")
                .param("person", person)
                .query(UUID.class)
                .list();
        for (var site : owned) {
            // The viewers and installer organisations of the site lose their access first.
            revokeActive("site_id = :id and role <> 'owner'", site, now);
            events.publishEvent(new SiteErased(new SiteId(site), now));
            jdbc.sql("delete from sites.grants where site_id = :site")
                    .param("site", site)
                    .update();
            jdbc.sql("delete from sites.sites where id = :site")
                    .param("site", site)
                    .update();
        }
        revokeActive("person_id = :id", person, now);
        jdbc.sql("delete from sites.grants where person_id = :person")
                .param("person", person)
                .update();
        // Invitations to their address they never accepted (or declined): the address is theirs, though encrypted
        // with the inviting owner's key. Their account (and key) still exist: accounts erases its part last.
        accounts.findById(new PersonId(person))
                .ifPresent(account -> jdbc.sql("delete from sites.grants where invitee_email_lookup = :lookup")
                        .param(
                                "lookup",
                                pseudonyms.lookupHash(
                                        "email", account.email().strip().toLowerCase(Locale.ROOT)))
                        .update());
        jdbc.sql("update sites.grants set granted_by = :erased where granted_by = :person")
                .param("person", person)
                .param("erased", ERASED_PERSON)
                .update();
        reports.report(event.request(), part());
    }

    private void revokeActive(String condition, UUID id, Instant now) {
        jdbc.sql("select id, site_id, role from sites.grants where status = 'active' and " + condition)
                .param("id", id)
                .query((row, i) -> new SiteAccessRevoked(
                        new SiteId(row.getObject("site_id", UUID.class)),
                        row.getObject("id", UUID.class),
                        SiteRole.fromWireName(row.getString("role")),
                        now))
                .list()
                .forEach(events::publishEvent);
    }
}
