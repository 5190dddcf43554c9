package org.gridvault.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.junit.jupiter.api.Test;

@IntegrationTest
class LogInIntegrationTests {

    private final ApiClient api;

    LogInIntegrationTests(ApiClient api) {
        this.api = api;
    }

    @Test
    void returnsATokenAndSetsAnHttpOnlySameSiteLaxSessionCookie() {
        var email = ApiClient.uniqueEmail();
        api.signUp(email, "correct horse battery", "Ada");

        var response = api.tryLogIn(email, "correct horse battery");

        assertThat(response.status()).isEqualTo(200);
        var token = response.json().path("token").asString();
        assertThat(token).startsWith("gv_s_");
        assertThat(response.header("Set-Cookie"))
                .hasValueSatisfying(cookie -> assertThat(cookie)
                        .startsWith("gv_session=" + token + ";")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
    }

    @Test
    void theSessionCookieAloneAuthenticates() {
        var person = api.newPerson();

        var response = api.send(api.request("/api/v1/me").header("Cookie", "gv_session=" + person.token()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("email").asString()).isEqualTo(person.email());
    }

    @Test
    void acceptsTheEmailAddressInAnyCase() {
        var person = api.newPerson();

        assertThat(api.tryLogIn(person.email().toUpperCase(Locale.ROOT), person.password())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void rejectsAWrongPassword() {
        var person = api.newPerson();

        var response = api.tryLogIn(person.email(), "not the password");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("accounts:credentials.invalid");
    }

    @Test
    void asksForAuthenticationWhenNoTokenIsSent() {
        var response = api.get("/api/v1/me", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("accounts:authentication.required");
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.header("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void refusesAnUnknownToken() {
        var response = api.get("/api/v1/me", "gv_s_not-a-real-token");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("accounts:authentication.required");
    }

    @Test
    void loggingOutEndsTheSession() {
        var person = api.newPerson();

        var response = api.delete("/api/v1/sessions/current", person.token());

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.header("Set-Cookie"))
                .hasValueSatisfying(
                        cookie -> assertThat(cookie).startsWith("gv_session=;").contains("Max-Age=0"));
        assertThat(api.get("/api/v1/me", person.token()).status()).isEqualTo(401);
    }
}
