package org.gridvault.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ConsentsIntegrationTests {

    private final ApiClient api;
    private final PrivacyDecisions decisions;
    private final ProcessingFlags flags;
    private final JdbcClient jdbc;
    private final MutableClock clock;

    ConsentsIntegrationTests(
            ApiClient api, PrivacyDecisions decisions, ProcessingFlags flags, JdbcClient jdbc, MutableClock clock) {
        this.api = api;
        this.decisions = decisions;
        this.flags = flags;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Test
    void startsWithEveryOptionalPurposeOff() {
        var person = api.newPerson();

        var consents = api.get("/api/v1/me/consents", person.token()).json();

        assertThat(consents.size()).isEqualTo(4);
        consents.forEach(consent -> {
            assertThat(consent.path("granted").asBoolean()).isFalse();
            assertThat(consent.path("effective").asBoolean()).isFalse();
        });
        assertThat(allowed(person.id(), Purpose.MARKETING)).isFalse();
        assertThat(allowed(person.id(), Purpose.SERVICE)).isTrue();
    }

    @Test
    void stopsProcessingOnTheNextDecisionAfterWithdrawalAndKeepsTheEarlierGrantInTheLedger() {
        var person = api.newPerson();

        var granted = api.put("/api/v1/me/consents/home-comparison", person.token(), Map.of("granted", true));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().path("effective").asBoolean()).isTrue();
        assertThat(allowed(person.id(), Purpose.HOME_COMPARISON)).isTrue();

        api.put("/api/v1/me/consents/home-comparison", person.token(), Map.of("granted", false));

        assertThat(allowed(person.id(), Purpose.HOME_COMPARISON)).isFalse();
        var ledger = jdbc.sql("select granted from privacy.consent_ledger where subject_id = :id order by id")
                .param("id", person.id())
                .query(Boolean.class)
                .list();
        assertThat(ledger).containsExactly(true, false);
    }

    @Test
    void refusesToSwitchPurposesThatAreNotOptionalOrUnknown() {
        var person = api.newPerson();

        var service = api.put("/api/v1/me/consents/service", person.token(), Map.of("granted", false));
        var unknown = api.put("/api/v1/me/consents/selling-data", person.token(), Map.of("granted", true));

        assertThat(service.status()).isEqualTo(422);
        assertThat(service.code()).isEqualTo("privacy:purpose.not-optional");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("privacy:purpose.unknown");
    }

    @Test
    void honoursObjectionAboveConsentAndRestrictionAboveEverythingButStorage() {
        var person = api.newPerson();
        api.put("/api/v1/me/consents/marketing", person.token(), Map.of("granted", true));
        var subject = new SubjectId(person.id());

        flags.object(subject, Purpose.MARKETING, true);
        assertThat(allowed(person.id(), Purpose.MARKETING)).isFalse();

        flags.restrict(subject, true);
        assertThat(allowed(person.id(), Purpose.SERVICE)).isFalse();
        assertThat(allowed(person.id(), Purpose.STORAGE)).isTrue();
        assertThat(allowed(person.id(), Purpose.LEGAL_CLAIMS)).isTrue();
    }

    @Test
    void needsANewConsentAfterAMaterialNoticeChangeOnceTheGracePeriodEnds() {
        var person = api.newPerson();
        var subject = new SubjectId(person.id());
        // A consent given before the notice now in force (which is material) was published, under an older text.
        jdbc.sql("""
                        insert into privacy.consent_ledger (subject_id, purpose, granted, notice_hash, recorded_at, channel)
                        values (:id, 'research', true, :hash, :at, 'test')
                        """)
                .param("id", person.id())
                .param("hash", new byte[32])
                .param("at", java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(400))))
                .update();

        var withinGrace = api.get("/api/v1/me/consents", person.token()).json();
        var research = java.util.stream.StreamSupport.stream(withinGrace.spliterator(), false)
                .filter(consent -> consent.path("purpose").asString().equals("research"))
                .findFirst()
                .orElseThrow();
        assertThat(research.path("effective").asBoolean()).isTrue();
        assertThat(research.path("reconsentBy").isMissingNode()).isFalse();

        clock.advance(Duration.ofDays(31));

        assertThat(allowed(person.id(), Purpose.RESEARCH)).isFalse();
        var fresh = api.logIn(person.email(), person.password());
        api.put("/api/v1/me/consents/research", fresh, Map.of("granted", true));
        assertThat(allowed(person.id(), Purpose.RESEARCH)).isTrue();
        assertThat(flags.of(subject).restricted()).isFalse();
    }

    private boolean allowed(UUID person, Purpose purpose) {
        var subject = new SubjectId(person);
        return decisions
                .decide(new DecisionRequest(subject, subject, purpose, Set.of("energy.interval"), "test", null, null))
                .allowed();
    }
}
