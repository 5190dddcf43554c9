package org.gridvault.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.junit.jupiter.api.Test;

@IntegrationTest
class PasswordChangeIntegrationTests {

    private static final String NEW_PASSWORD = "a much better passphrase";

    private final ApiClient api;

    PasswordChangeIntegrationTests(ApiClient api) {
        this.api = api;
    }

    @Test
    void rejectsAWrongCurrentPassword() {
        var person = api.newPerson();

        var response = api.put(
                "/api/v1/me/password",
                person.token(),
                Map.of("currentPassword", "not my password", "newPassword", NEW_PASSWORD));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("accounts:password.current-wrong");
        assertThat(api.logIn(person.email(), person.password())).isNotBlank();
    }

    @Test
    void rejectsATooShortNewPassword() {
        var person = api.newPerson();

        var response = api.put(
                "/api/v1/me/password",
                person.token(),
                Map.of("currentPassword", person.password(), "newPassword", "short"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("accounts:password.length");
    }

    @Test
    void keepsTheSessionUsedAndEndsEveryOtherSessionAndToken() {
        var person = api.newPerson();
        var otherSession = api.logIn(person.email(), person.password());
        var accessToken = api.post("/api/v1/me/tokens", person.token(), Map.of("name", "script"))
                .json()
                .path("token")
                .asString();

        var response = api.put(
                "/api/v1/me/password",
                person.token(),
                Map.of("currentPassword", person.password(), "newPassword", NEW_PASSWORD));

        assertThat(response.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", person.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", otherSession).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", accessToken).status()).isEqualTo(401);
        assertThat(api.tryLogIn(person.email(), person.password()).code()).isEqualTo("accounts:credentials.invalid");
        assertThat(api.tryLogIn(person.email(), NEW_PASSWORD).status()).isEqualTo(200);
    }
}
