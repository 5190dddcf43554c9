package org.gridvault.rights;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of self-service data-subject rights.
 *
 * @param cancellationGrace how long after asking to cancel their account a person can still undo it ({@code 0}:
 *     the cancellation takes effect at once)
 * @param cancellationCheck how often due cancellations are carried out
 */
@ConfigurationProperties("gridvault.rights")
public record RightsProperties(
        @DefaultValue("7d") Duration cancellationGrace,
        @DefaultValue("1m") Duration cancellationCheck) {}
