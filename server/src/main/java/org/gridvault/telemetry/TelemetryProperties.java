package org.gridvault.telemetry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the telemetry module.
 *
 * @param rollupDelay the pause between two scheduled rollup runs (a run ends when the queue is empty or after {@code
 *     rollupBatchesPerRun} batches); read by {@code @Scheduled} as {@code gridvault.telemetry.rollup-delay}
 * @param rollupBatchSize queue rows rolled up in one transaction
 * @param rollupBatchesPerRun the most batches one scheduled run takes before it pauses
 * @param rollupMergeGap queued ranges of one device closer than this are rolled up as one range
 * @param maxPowerGap the longest time between two power readings that still counts when consumption is integrated
 *     from power; a longer gap contributes no energy
 * @param rawSeriesMaxRange the longest range a series without {@code interval} returns raw readings for
 * @param maxRawPoints the most raw readings one series returns
 * @param maxPoints the most intervals a series or energy query returns
 */
@Validated
@ConfigurationProperties("gridvault.telemetry")
public record TelemetryProperties(
        @DefaultValue("5s") Duration rollupDelay,
        @DefaultValue("200") @Min(1) @Max(10_000) int rollupBatchSize,
        @DefaultValue("50") @Min(1) int rollupBatchesPerRun,
        @DefaultValue("5m") Duration rollupMergeGap,
        @DefaultValue("15m") Duration maxPowerGap,
        @DefaultValue("1d") Duration rawSeriesMaxRange,
        @DefaultValue("100000") @Min(1) int maxRawPoints,
        @DefaultValue("10000") @Min(1) int maxPoints) {}
