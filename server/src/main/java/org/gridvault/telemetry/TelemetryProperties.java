package org.gridvault.telemetry;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of telemetry storage.
 *
 * @param writers connections writing samples in parallel (each COPYs its own batches)
 * @param batchSize the most readings one write transaction carries
 * @param linger how long a writer waits for more readings to join a batch smaller than {@code batchSize}: a few
 *     milliseconds of latency that make transactions (and rollup work) fewer and larger under load
 * @param queueCapacity readings accepted but not yet written, before new ones are refused as overload
 * @param stateFlushInterval how often latest values and last-seen times go from memory to the database
 * @param offlineAfterMinimum a device is offline after three expected intervals of silence, but never sooner than this
 * @param defaultReportingInterval the interval assumed for a device until its readings show its own
 */
@Validated
@ConfigurationProperties("gridvault.telemetry.storage")
public record TelemetryProperties(
        @DefaultValue("2") @Min(1) int writers,
        @DefaultValue("5000") @Min(1) int batchSize,
        @DefaultValue("20ms") Duration linger,
        @DefaultValue("200000") @Min(1) int queueCapacity,
        @DefaultValue("2s") Duration stateFlushInterval,
        @DefaultValue("5m") Duration offlineAfterMinimum,
        @DefaultValue("1m") Duration defaultReportingInterval) {}
