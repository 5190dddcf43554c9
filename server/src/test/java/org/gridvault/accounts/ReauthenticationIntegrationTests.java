package org.gridvault.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.junit.jupiter.api.Test;

/** Confirming the password again (P31): fresh for a few minutes, and guessed passwords are throttled like log-ins. */
@IntegrationTest
class ReauthenticationIntegrationTests {

    private final ApiClient api;
    private final MutableClock clock;

    ReauthenticationIntegrationTests(ApiClient api, MutableClock clock) {
        this.api = api;
        this.clock = clock;
    }

    @Test
    void saysUntilWhenTheConfirmationCounts() {
        var person = api.newPerson();
        var now = clock.instant();

        var confirmed = api.post("/api/v1/me/reauthentication", person.token(), Map.of("password", person.password()));

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(Instant.parse(confirmed.json().path("freshUntil").asString()))
                .isBetween(now.plus(Duration.ofMinutes(5)).minusMillis(1), now.plus(Duration.ofMinutes(5)));
    }

    @Test
    void throttlesGuessedPasswordsLikeFailedLogIns() {
        var person = api.newPerson();
        for (var attempt = 1; attempt <= 5; attempt++) {
            var wrong = api.post("/api/v1/me/reauthentication", person.token(), Map.of("password", "guess-" + attempt));
            assertThat(wrong.status()).as("attempt %d", attempt).isEqualTo(401);
        }

        var locked = api.post("/api/v1/me/reauthentication", person.token(), Map.of("password", person.password()));
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        var later = api.post("/api/v1/me/reauthentication", person.token(), Map.of("password", person.password()));

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("accounts:login.throttled");
        assertThat(later.status()).as(later.body()).isEqualTo(200);
    }

    @Test
    void refusesAMissingPassword() {
        var person = api.newPerson();

        var response = api.post("/api/v1/me/reauthentication", person.token(), Map.of());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isNotBlank();
    }
}
