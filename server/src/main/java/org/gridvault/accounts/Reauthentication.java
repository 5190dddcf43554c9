package org.gridvault.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.gridvault.database.Timestamps;
import org.gridvault.privacy.AuditEntry;
import org.gridvault.privacy.AuditLog;
import org.gridvault.privacy.WithoutDisclosure;
import org.gridvault.problems.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fresh re-authentication (P31): the person proves their password again, and for
 * {@code gridvault.accounts.reauthentication-window} the session or token they used counts as freshly
 * authenticated. Destructive requests (erasure, account cancellation) call {@link #requireFresh} first, so a session
 * left open on a shared computer cannot erase an account.
 *
 * <pre>{@code
 * reauthentication.requireFresh(me); // 403 accounts:reauthentication-required otherwise
 * }</pre>
 */
@WithoutDisclosure("Checks the caller's own password and marks the caller's own credential")
@Service
public class Reauthentication {

    private final People people;
    private final Passwords passwords;
    private final LoginFailures failures;
    private final JdbcClient jdbc;
    private final AccountsProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    Reauthentication(
            People people,
            Passwords passwords,
            LoginFailures failures,
            JdbcClient jdbc,
            AccountsProperties properties,
            AuditLog audit,
            Clock clock) {
        this.people = people;
        this.passwords = passwords;
        this.failures = failures;
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks the password again; returns until when the caller's credential counts as freshly authenticated. Wrong
     * passwords count towards the same throttling as failed log-ins for the person's address (429 once locked).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Instant confirm(AuthenticatedPerson caller, String password) {
        var person = caller.id().subject();
        var row = people.findById(caller.id()).orElseThrow(() -> wrongPassword());
        var key = Accounts.normalise(row.person().email());
        var now = clock.instant();
        failures.lockedUntil(key).filter(now::isBefore).ifPresent(until -> {
            throw new ApiProblem(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "accounts:login.throttled",
                            "Too many wrong passwords for this account. Try again in %d seconds."
                                    .formatted(Math.max(
                                            1, Duration.between(now, until).toSeconds())))
                    .with(
                            "retryAfterSeconds",
                            Math.max(1, Duration.between(now, until).toSeconds()));
        });
        if (!passwords.matches(password, row.passwordHash())) {
            failures.record(key, now, properties);
            audit.record(AuditEntry.byPerson(person, "accounts.reauthentication.failed")
                    .about(person));
            throw wrongPassword();
        }
        failures.clear(key);
        jdbc.sql("update accounts.access_tokens set reauthenticated_at = :now where id = :id and person_id = :person")
                .param("now", Timestamps.of(now))
                .param("id", caller.tokenId())
                .param("person", caller.id().value())
                .update();
        audit.record(AuditEntry.byPerson(person, "accounts.reauthentication.succeeded")
                .about(person)
                .on("token", caller.tokenId()));
        return now.plus(properties.reauthenticationWindow());
    }

    private static ApiProblem wrongPassword() {
        return new ApiProblem(
                HttpStatus.UNAUTHORIZED,
                "accounts:credentials.invalid",
                "The password is not right. Enter the password you log in with.");
    }

    /** Refuses with 403 {@code accounts:reauthentication-required} unless the caller re-authenticated recently. */
    public void requireFresh(AuthenticatedPerson caller) {
        var at = jdbc.sql(
                        "select reauthenticated_at from accounts.access_tokens where id = :id and person_id = :person")
                .param("id", caller.tokenId())
                .param("person", caller.id().value())
                .query((row, i) -> Timestamps.read(row, "reauthenticated_at"))
                .optional()
                .orElse(null);
        var now = clock.instant();
        if (at == null || at.plus(properties.reauthenticationWindow()).isBefore(now)) {
            throw ApiProblem.forbidden(
                            "accounts:reauthentication-required",
                            "This request needs a fresh confirmation of your password. Send it with POST"
                                    + " /api/v1/me/reauthentication {\"password\": ...}, then repeat the request"
                                    + " within %d minutes."
                                            .formatted(properties
                                                    .reauthenticationWindow()
                                                    .toMinutes()))
                    .with("reauthentication", "/api/v1/me/reauthentication");
        }
    }
}
