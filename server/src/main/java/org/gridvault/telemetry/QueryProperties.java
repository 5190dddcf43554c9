package org.gridvault.telemetry;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of telemetry queries ({@link DeviceSeries}, {@link SiteEnergy}).
 *
 * @param rawMaxRange the longest range a series without {@code interval} returns raw readings for
 * @param maxRawPoints the most raw readings one series returns
 * @param maxPoints the most intervals a series or energy query returns
 */
@Validated
@ConfigurationProperties("gridvault.telemetry.queries")
public record QueryProperties(
        @DefaultValue("1d") Duration rawMaxRange,
        @DefaultValue("100000") @Min(1) int maxRawPoints,
        @DefaultValue("10000") @Min(1) int maxPoints) {}
