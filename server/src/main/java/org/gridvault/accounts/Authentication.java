package org.gridvault.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridvault.privacy.AuditEntry;
import org.gridvault.privacy.AuditLog;
import org.gridvault.privacy.SubjectId;
import org.gridvault.privacy.WithoutDisclosure;
import org.gridvault.problems.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Log-in, log-out, and resolving a presented bearer token to the person behind it.
 *
 * <p>Failed log-ins are counted per e-mail address (known or not, so the answer never reveals whether an account
 * exists); after {@code maxFailedLogins} within {@code failureWindow}, log-ins for that address are refused with
 * 429 for {@code lockout}, before the password is even checked.
 */
@WithoutDisclosure("Checks credentials and resolves the caller's own token; returns nobody else's data")
@Service
public class Authentication {

    static final String SESSION_PREFIX = "gv_s_";
    /** How stale a token's last-use time may get before a request refreshes it (avoids a write per request). */
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(5);

    private final People people;
    private final AccessTokens tokens;
    private final LoginFailures failures;
    private final Passwords passwords;
    private final AccountsProperties properties;
    private final Set<String> operators;
    private final AuditLog audit;
    private final Clock clock;

    Authentication(
            People people,
            AccessTokens tokens,
            LoginFailures failures,
            Passwords passwords,
            AccountsProperties properties,
            AuditLog audit,
            Clock clock) {
        this.people = people;
        this.tokens = tokens;
        this.failures = failures;
        this.passwords = passwords;
        this.properties = properties;
        // Compared by lookup hash (in hex): a person's e-mail address is not read to authenticate them.
        this.operators = properties.operators().stream()
                .map(Accounts::normalise)
                .map(people::emailLookup)
                .map(HexFormat.of()::formatHex)
                .collect(Collectors.toSet());
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks the password and starts a session, or refuses (401, or 429 while throttled). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Session logIn(String email, String password) {
        var key = Accounts.normalise(email);
        var now = clock.instant();
        failures.lockedUntil(key).filter(now::isBefore).ifPresent(until -> {
            audit.record(AuditEntry.anonymous("accounts.login.throttled").about(subjectOf(people.findByEmail(key))));
            throw tooManyAttempts(Duration.between(now, until));
        });
        var row = people.findByEmail(key);
        if (row.isEmpty()) {
            passwords.spendTimeOfOneCheck(password);
        }
        if (row.isEmpty() || !passwords.matches(password, row.get().passwordHash())) {
            failures.record(key, now, properties);
            audit.record(AuditEntry.anonymous("accounts.login.failed").about(subjectOf(row)));
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED,
                    "accounts:credentials.invalid",
                    "The e-mail address or the password is not right. Check both and try again.");
        }
        failures.clear(key);
        var person = row.get().person().id();
        var secret = OpaqueSecret.generate(SESSION_PREFIX);
        var expiresAt = now.plus(properties.sessionLifetime());
        var session = tokens.insert(person, AccessTokens.Kind.session, null, secret.hash(), now, expiresAt);
        audit.record(AuditEntry.byPerson(person.subject(), "accounts.login.succeeded")
                .about(person.subject())
                .on("token", session));
        return new Session(person, secret.value(), expiresAt);
    }

    /** Resolves a session token or personal access token; empty when it is unknown, expired or revoked. */
    public Optional<AuthenticatedPerson> authenticate(String presentedToken) {
        var now = clock.instant();
        return tokens.findActive(OpaqueSecret.hash(presentedToken), now).map(token -> {
            if (token.lastUsedAt() == null
                    || token.lastUsedAt().plus(LAST_USE_RESOLUTION).isBefore(now)) {
                tokens.touch(token.id(), now);
            }
            return new AuthenticatedPerson(
                    token.personId(),
                    token.id(),
                    operators.contains(HexFormat.of().formatHex(token.emailLookup())));
        });
    }

    /** Ends the session (or revokes the access token) the caller is using. */
    @Transactional
    public void logOut(AuthenticatedPerson caller) {
        var now = clock.instant();
        if (!tokens.revoke(caller.id(), caller.tokenId(), AccessTokens.Kind.session, now)) {
            tokens.revoke(caller.id(), caller.tokenId(), AccessTokens.Kind.personal, now);
        }
        var person = caller.id().subject();
        audit.record(AuditEntry.byPerson(person, "accounts.logout.succeeded")
                .about(person)
                .on("token", caller.tokenId()));
    }

    private static @Nullable SubjectId subjectOf(Optional<People.PersonRow> account) {
        return account.map(row -> row.person().id().subject()).orElse(null);
    }

    private static ApiProblem tooManyAttempts(Duration wait) {
        var seconds = Math.max(1, wait.toSeconds());
        return new ApiProblem(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "accounts:login.throttled",
                        "Too many failed log-ins for this address. Try again in %d seconds.".formatted(seconds))
                .with("retryAfterSeconds", seconds);
    }
}
