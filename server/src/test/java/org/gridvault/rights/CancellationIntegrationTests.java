package org.gridvault.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.gridvault.ApiClient;
import org.gridvault.MutableClock;
import org.gridvault.privacy.PersonKeys;
import org.gridvault.privacy.SubjectId;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Account cancellation (P30): confirmed with when it takes effect, undoable for the grace period (7 days by
 * default), then carried out by the scheduled job on the injected clock: the account is erased, every grant ends.
 */
@ClockMovingIntegrationTest
class CancellationIntegrationTests {

    private final ApiClient api;
    private final Rights rights;
    private final Cancellations cancellations;
    private final PersonKeys keys;
    private final PersonalRows personalRows;
    private final MutableClock clock;

    CancellationIntegrationTests(
            ApiClient api, Cancellations cancellations, PersonKeys keys, JdbcClient jdbc, MutableClock clock) {
        this.api = api;
        this.rights = new Rights(api);
        this.cancellations = cancellations;
        this.keys = keys;
        this.personalRows = new PersonalRows(jdbc);
        this.clock = clock;
    }

    @Test
    void needsAFreshReauthentication() {
        var person = api.newPerson();

        var response = api.post("/api/v1/me/cancellation", person.token(), null);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("accounts:reauthentication-required");
    }

    @Test
    void canBeUndoneDuringTheGracePeriod() {
        var person = api.newPerson();
        rights.reauthenticate(person);
        var cancelled = api.post("/api/v1/me/cancellation", person.token(), null);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);

        var undone = api.delete("/api/v1/me/cancellation", person.token());
        clock.advance(Duration.ofDays(8));
        cancellations.runDue();

        assertThat(undone.status()).as(undone.body()).isEqualTo(200);
        assertThat(undone.json().path("request").path("status").asString()).isEqualTo("withdrawn");
        assertThat(api.get("/api/v1/me", person.token()).status()).isEqualTo(200);
        assertThat(keys.exists(new SubjectId(person.id()))).isTrue();
        assertThat(api.delete("/api/v1/me/cancellation", person.token()).code())
                .as("nothing left to undo")
                .isEqualTo("rights:cancellation.not-found");
    }

    @Test
    void takesEffectWhenTheGracePeriodIsOverErasingTheAccountAndEndingEveryGrant() {
        var person = api.newPerson();
        var site = rights.newSite(person);
        var viewer = api.newPerson();
        rights.shareWith(person, site, viewer);
        var neighbour = api.newPerson();
        var neighbourSite = rights.newSite(neighbour);
        var grantToPerson = rights.shareWith(neighbour, neighbourSite, person);
        rights.reauthenticate(person);
        var asked = clock.instant();

        var cancelled = api.post("/api/v1/me/cancellation", person.token(), null);

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
        var effectiveAt = Instant.parse(cancelled.json().path("effectiveAt").asString());
        assertThat(effectiveAt).isEqualTo(asked.truncatedTo(ChronoUnit.MICROS).plus(Duration.ofDays(7)));
        assertThat(cancelled.json().path("message").asString())
                .contains(effectiveAt.toString())
                .contains("DELETE /api/v1/me/cancellation");
        assertThat(cancelled.json().path("request").path("status").asString()).isEqualTo("scheduled");

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        cancellations.runDue();
        assertThat(api.get("/api/v1/me", person.token()).status())
                .as("one second before it takes effect")
                .isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        cancellations.runDue();

        assertThat(api.get("/api/v1/me", person.token()).status()).isEqualTo(401);
        assertThat(api.tryLogIn(person.email(), person.password()).status()).isEqualTo(401);
        assertThat(keys.exists(new SubjectId(person.id()))).isFalse();
        assertThat(api.get("/api/v1/sites/" + site, viewer.token()).status())
                .as("the viewer's grant on the cancelled person's site")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/sites/" + neighbourSite + "/grants", neighbour.token())
                        .json()
                        .valueStream()
                        .map(grant -> grant.path("id").asString()))
                .as("the grant the cancelled person held")
                .doesNotContain(grantToPerson);
        assertThat(personalRows.mentioning(person.id(), Set.of())).isEmpty();
        var request = cancelled.json().path("request").path("id").asString();
        assertThat(api.get("/api/v1/admin/privacy-requests", api.operatorToken())
                        .json()
                        .valueStream()
                        .filter(entry -> entry.path("id").asString().equals(request))
                        .map(entry -> entry.path("type").asString() + " "
                                + entry.path("status").asString()))
                .containsExactly("cancellation completed");
    }
}
