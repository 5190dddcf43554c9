package org.gridvault.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.junit.jupiter.api.Test;

@IntegrationTest
class PersonalAccessTokensIntegrationTests {

    private final ApiClient api;
    private final MutableClock clock;

    PersonalAccessTokensIntegrationTests(ApiClient api, MutableClock clock) {
        this.api = api;
        this.clock = clock;
    }

    @Test
    void showsANewTokenOnceAndAcceptsItForApiCalls() {
        var person = api.newPerson();

        var created = api.post("/api/v1/me/tokens", person.token(), Map.of("name", "backup script"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("name").asString()).isEqualTo("backup script");
        var token = created.json().path("token").asString();
        assertThat(token).startsWith("gv_pat_");
        var me = api.get("/api/v1/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("id").asString()).isEqualTo(person.id().toString());
    }

    @Test
    void listsTokensWithoutTheirSecrets() {
        var person = api.newPerson();
        var token = createToken(person, "exporter");

        var listing = api.get("/api/v1/me/tokens", person.token());

        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.json().valueStream().map(entry -> entry.path("name").asString()))
                .containsExactly("exporter");
        assertThat(listing.body()).doesNotContain(token).doesNotContain("\"token\"");
    }

    @Test
    void refusesASecondActiveTokenWithTheSameName() {
        var person = api.newPerson();
        createToken(person, "exporter");

        var response = api.post("/api/v1/me/tokens", person.token(), Map.of("name", " exporter "));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("accounts:token.name-taken");
    }

    @Test
    void refusesARevokedTokenAtOnce() {
        var person = api.newPerson();
        var created = api.post("/api/v1/me/tokens", person.token(), Map.of("name", "old laptop"));
        var token = created.json().path("token").asString();
        var id = created.json().path("id").asString();

        assertThat(api.delete("/api/v1/me/tokens/" + id, person.token()).status())
                .isEqualTo(204);

        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me/tokens", person.token()).json().size()).isZero();
        assertThat(api.delete("/api/v1/me/tokens/" + id, person.token()).code()).isEqualTo("accounts:token.not-found");
    }

    @Test
    void refusesATokenOnceItHasExpired() {
        var person = api.newPerson();
        var expiresAt = clock.instant().plus(Duration.ofHours(1));
        var created = api.post(
                "/api/v1/me/tokens", person.token(), Map.of("name", "short-lived", "expiresAt", expiresAt.toString()));
        assertThat(created.status()).isEqualTo(201);
        var token = created.json().path("token").asString();
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);

        clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me/tokens", person.token()).json().size()).isZero();
    }

    @Test
    void rejectsAnExpiryInThePast() {
        var person = api.newPerson();
        var past = clock.instant().minus(Duration.ofMinutes(1));

        var response =
                api.post("/api/v1/me/tokens", person.token(), Map.of("name", "too late", "expiresAt", past.toString()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("accounts:token.expiry-past");
    }

    @Test
    void rejectsAnExpiryBeyondWhatCanBeStored() {
        var person = api.newPerson();

        var response = api.post(
                "/api/v1/me/tokens",
                person.token(),
                Map.of("name", "forever", "expiresAt", java.time.Instant.MAX.toString()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("accounts:token.expiry-too-late");
    }

    private String createToken(ApiClient.Account person, String name) {
        var created = api.post("/api/v1/me/tokens", person.token(), Map.of("name", name));
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("token").asString();
    }
}
