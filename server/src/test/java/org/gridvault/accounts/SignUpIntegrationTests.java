package org.gridvault.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.junit.jupiter.api.Test;

@IntegrationTest
class SignUpIntegrationTests {

    private static final String PASSWORD = "correct horse battery";

    private final ApiClient api;

    SignUpIntegrationTests(ApiClient api) {
        this.api = api;
    }

    @Test
    void opensAnAccountAndReturnsItsId() {
        var response = api.signUp(ApiClient.uniqueEmail(), PASSWORD, "Ada");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("id").asString()).isNotBlank();
        assertThat(response.header("Location")).hasValue("/api/v1/me");
    }

    @Test
    void refusesAnEmailAddressThatIsTakenWhateverItsCaseAndSurroundingSpaces() {
        var email = ApiClient.uniqueEmail();
        assertThat(api.signUp(email, PASSWORD, "Ada").status()).isEqualTo(201);

        for (var sameAddress : new String[] {email, email.toUpperCase(Locale.ROOT), "  " + email + " "}) {
            var response = api.signUp(sameAddress, PASSWORD, "Another Ada");

            assertThat(response.status()).as(sameAddress).isEqualTo(409);
            assertThat(response.code()).isEqualTo("accounts:email.taken");
        }
    }

    @Test
    void rejectsATooShortPassword() {
        var response = api.signUp(ApiClient.uniqueEmail(), "short", "Ada");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("accounts:password.length");
        assertThat(response.json().path("field").asString()).isEqualTo("password");
    }

    @Test
    void rejectsAnInvalidTimeZone() {
        var response = api.post("/api/v1/accounts", null, signUp(Map.of("timeZone", "Mars/Olympus_Mons")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("accounts:time-zone.invalid");
    }

    @Test
    void rejectsAnUnsupportedLanguage() {
        var response = api.post("/api/v1/accounts", null, signUp(Map.of("language", "tlh")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("accounts:language.unsupported");
    }

    @Test
    void takesTheChosenLanguageAndTimeZone() {
        var email = ApiClient.uniqueEmail();
        var signUp = signUp(Map.of("email", email, "language", "zh", "timeZone", "Asia/Singapore"));
        assertThat(api.post("/api/v1/accounts", null, signUp).status()).isEqualTo(201);

        var me = api.get("/api/v1/me", api.logIn(email, PASSWORD)).json();

        assertThat(me.path("email").asString()).isEqualTo(email);
        assertThat(me.path("language").asString()).isEqualTo("zh");
        assertThat(me.path("timeZone").asString()).isEqualTo("Asia/Singapore");
    }

    @Test
    void namesTheMissingFieldWhenOneIsLeftOut() {
        var response =
                api.post("/api/v1/accounts", null, Map.of("email", ApiClient.uniqueEmail(), "displayName", "Ada"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("request:body.invalid");
        assertThat(response.json()
                        .path("errors")
                        .valueStream()
                        .map(error -> error.path("field").asString()))
                .containsExactly("password");
    }

    @Test
    void rejectsMalformedJsonWithBadRequest() {
        var response = api.post("/api/v1/accounts", null, "{\"email\": \"ada@example.com\", ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("request:body.malformed");
    }

    private static Map<String, String> signUp(Map<String, String> overrides) {
        var body = new HashMap<>(Map.of("email", ApiClient.uniqueEmail(), "password", PASSWORD, "displayName", "Ada"));
        body.putAll(overrides);
        return body;
    }
}
