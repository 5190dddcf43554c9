package org.gridvault.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.junit.jupiter.api.Test;

/** Five failed log-ins for one address lock it for 15 minutes (the defaults in {@link AccountsProperties}). */
@IntegrationTest
class LogInThrottlingIntegrationTests {

    private final ApiClient api;
    private final MutableClock clock;

    LogInThrottlingIntegrationTests(ApiClient api, MutableClock clock) {
        this.api = api;
        this.clock = clock;
    }

    @Test
    void refusesEvenTheRightPasswordAfterFiveFailuresUntilTheLockoutIsOver() {
        var person = api.newPerson();
        failFiveTimes(person.email());

        var throttled = api.tryLogIn(person.email(), person.password());

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("accounts:login.throttled");
        assertThat(throttled.header("Retry-After"))
                .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds))
                        .isBetween(1L, Duration.ofMinutes(15).toSeconds()));

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        assertThat(api.tryLogIn(person.email(), person.password()).status()).isEqualTo(200);
    }

    @Test
    void throttlesTheSameAddressWrittenDifferently() {
        var person = api.newPerson();
        failFiveTimes(person.email());

        var response = api.tryLogIn(" " + person.email().toUpperCase(Locale.ROOT), person.password());

        assertThat(response.status()).isEqualTo(429);
    }

    @Test
    void throttlesUnknownAddressesTheSameWay() {
        var unknown = ApiClient.uniqueEmail();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(api.tryLogIn(unknown, "any password").code()).isEqualTo("accounts:credentials.invalid");
        }

        var response = api.tryLogIn(unknown, "any password");

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.code()).isEqualTo("accounts:login.throttled");
        assertThat(response.header("Retry-After")).isPresent();
    }

    @Test
    void aSuccessfulLogInStartsTheCountAgain() {
        var person = api.newPerson();
        for (int attempt = 1; attempt <= 4; attempt++) {
            api.tryLogIn(person.email(), "wrong password");
        }
        api.logIn(person.email(), person.password());

        api.tryLogIn(person.email(), "wrong password");

        assertThat(api.tryLogIn(person.email(), person.password()).status()).isEqualTo(200);
    }

    private void failFiveTimes(String email) {
        for (int attempt = 1; attempt <= 5; attempt++) {
            var response = api.tryLogIn(email, "wrong password");
            assertThat(response.status()).as("attempt %d", attempt).isEqualTo(401);
        }
    }
}
