package org.gridvault.accounts;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the accounts module.
 *
 * @param languages the languages a person can choose for the interface; the first is the default
 * @param sessionLifetime how long a log-in session lasts before the person must log in again
 * @param maxFailedLogins failed log-ins for one e-mail address within {@code failureWindow} before throttling
 * @param failureWindow the period over which failed log-ins are counted
 * @param lockout how long log-ins for that address are refused once throttled
 * @param minPasswordLength the shortest password accepted
 * @param operators e-mail addresses of the people who operate this platform (admin endpoints)
 * @param reauthenticationWindow how long after proving their password again a person may make destructive requests
 *     (erasure, cancellation) with the same session or token
 */
@Validated
@ConfigurationProperties("gridvault.accounts")
public record AccountsProperties(
        @DefaultValue({"en", "zh"}) @NotEmpty List<String> languages,
        @DefaultValue("14d") Duration sessionLifetime,
        @DefaultValue("5") @Min(1) int maxFailedLogins,
        @DefaultValue("15m") Duration failureWindow,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("10") @Min(8) int minPasswordLength,
        @DefaultValue({}) List<String> operators,
        @DefaultValue("5m") Duration reauthenticationWindow) {

    String defaultLanguage() {
        return languages.getFirst();
    }
}
