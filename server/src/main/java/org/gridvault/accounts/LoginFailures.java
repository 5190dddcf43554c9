package org.gridvault.accounts;

import java.time.Instant;
import java.util.Optional;
import org.gridvault.database.Timestamps;
import org.gridvault.privacy.HoldsPersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts failed log-ins per e-mail address in the database, so throttling holds across restarts and nodes. Addresses
 * are kept as lookup hashes only: failures are recorded for addresses that belong to no account too.
 */
@Repository
@HoldsPersonalData
class LoginFailures {

    private final JdbcClient jdbc;
    private final PersonalFields fields;

    LoginFailures(JdbcClient jdbc, PersonalFields fields) {
        this.jdbc = jdbc;
        this.fields = fields;
    }

    Optional<Instant> lockedUntil(String emailKey) {
        return jdbc.sql("select locked_until from accounts.login_failures where email_lookup = :key")
                .param("key", fields.emailLookup(emailKey))
                .query((row, i) -> Optional.ofNullable(Timestamps.read(row, "locked_until")))
                .optional()
                .flatMap(locked -> locked);
    }

    /** Counts a wrong password for the address under the configured window, limit and lockout. */
    void record(String emailKey, Instant now, AccountsProperties properties) {
        record(
                emailKey,
                now,
                now.minus(properties.failureWindow()),
                properties.maxFailedLogins(),
                now.plus(properties.lockout()));
    }

    /**
     * Records one failure atomically: a failure after the window has passed starts a new count, and reaching the
     * limit locks the address until {@code lockedUntil}.
     */
    void record(String emailKey, Instant now, Instant windowStart, int limit, Instant lockedUntil) {
        jdbc.sql("""
                        insert into accounts.login_failures as f (email_lookup, failures, first_failure_at, locked_until)
                        values (:key, 1, :now, case when 1 >= :limit then cast(:locked as timestamptz) end)
                        on conflict (email_lookup) do update set
                            failures = case when f.first_failure_at < :windowStart then 1 else f.failures + 1 end,
                            first_failure_at = case when f.first_failure_at < :windowStart then :now else f.first_failure_at end,
                            locked_until = case
                                when (case when f.first_failure_at < :windowStart then 1 else f.failures + 1 end) >= :limit
                                then cast(:locked as timestamptz) end
                        """)
                .param("key", fields.emailLookup(emailKey))
                .param("now", Timestamps.of(now))
                .param("windowStart", Timestamps.of(windowStart))
                .param("limit", limit)
                .param("locked", Timestamps.of(lockedUntil))
                .update();
    }

    void clear(String emailKey) {
        jdbc.sql("delete from accounts.login_failures where email_lookup = :key")
                .param("key", fields.emailLookup(emailKey))
                .update();
    }
}
