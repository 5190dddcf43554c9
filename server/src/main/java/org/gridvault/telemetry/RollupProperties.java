package org.gridvault.telemetry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the rollup worker ({@link Rollups}).
 *
 * @param delay the pause between two scheduled runs (a run ends after a batch that took fewer than {@code
 *     batchSize} rows, or after {@code batchesPerRun} batches); read by {@code @Scheduled} as {@code
 *     gridvault.telemetry.rollups.delay}. Each run re-reads its devices' current 5-minute buckets, so runs far apart
 *     cost less per reading; see ADR 19
 * @param batchSize queue rows rolled up in one transaction
 * @param batchesPerRun the most batches one scheduled run takes before it pauses
 * @param mergeGap queued ranges of one device closer than this are rolled up as one range
 * @param maxPowerGap the longest time between two power readings that still counts when energy is integrated from
 *     power; a longer gap contributes no energy
 * @param devicesPerStatement how many devices one rollup statement handles at once; their readings are in memory
 *     together, so this bounds the worker's memory (a few hundred bytes per reading)
 * @param calendarRebuildCheck how often {@link LocalCalendarRebuild} looks for rebuilds of days after a time zone
 *     change that a stop or a crash interrupted; read by {@code @Scheduled} as {@code
 *     gridvault.telemetry.rollups.calendar-rebuild-check}
 */
@Validated
@ConfigurationProperties("gridvault.telemetry.rollups")
public record RollupProperties(
        @DefaultValue("30s") Duration delay,
        @DefaultValue("2000") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("50") @Min(1) int batchesPerRun,
        @DefaultValue("5m") Duration mergeGap,
        @DefaultValue("15m") Duration maxPowerGap,
        @DefaultValue("100") @Min(1) int devicesPerStatement,
        @DefaultValue("60s") Duration calendarRebuildCheck) {}
