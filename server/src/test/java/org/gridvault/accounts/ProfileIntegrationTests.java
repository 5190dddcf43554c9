package org.gridvault.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.junit.jupiter.api.Test;

@IntegrationTest
class ProfileIntegrationTests {

    private final ApiClient api;

    ProfileIntegrationTests(ApiClient api) {
        this.api = api;
    }

    @Test
    void showsTheProfileWithDefaultLanguageAndTimeZone() {
        var person = api.newPerson();

        var me = api.get("/api/v1/me", person.token());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("email").asString()).isEqualTo(person.email());
        assertThat(me.json().path("language").asString()).isEqualTo("en");
        assertThat(me.json().path("timeZone").asString()).isEqualTo("UTC");
    }

    @Test
    void changesLanguageAndTimeZoneAndKeepsTheRest() {
        var person = api.newPerson();

        var response = api.patch("/api/v1/me", person.token(), Map.of("language", "zh", "timeZone", "Europe/Berlin"));

        assertThat(response.status()).isEqualTo(200);
        var me = api.get("/api/v1/me", person.token()).json();
        assertThat(me.path("language").asString()).isEqualTo("zh");
        assertThat(me.path("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(me.path("displayName").asString()).isEqualTo("Test Person");
    }

    @Test
    void rejectsAnUnsupportedLanguage() {
        var person = api.newPerson();

        var response = api.patch("/api/v1/me", person.token(), Map.of("language", "xx"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("accounts:language.unsupported");
    }

    @Test
    void rejectsAnInvalidTimeZone() {
        var person = api.newPerson();

        var response = api.patch("/api/v1/me", person.token(), Map.of("timeZone", "Europe/Atlantis"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("accounts:time-zone.invalid");
        assertThat(api.get("/api/v1/me", person.token()).json().path("timeZone").asString())
                .isEqualTo("UTC");
    }
}
