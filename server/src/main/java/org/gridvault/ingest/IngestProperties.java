package org.gridvault.ingest;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every transport.
 *
 * @param maxPayloadBytes the largest payload accepted; larger ones are rejected whole
 * @param maxFutureSkew how far in the future a measurement time may lie (device clocks drift) before it is rejected
 * @param durableTimeout how long a transport waits for readings to become durable before it gives up (the device
 *     then resends)
 * @param gatewayCacheTime how long a gateway's list of paired children is remembered
 */
@Validated
@ConfigurationProperties("gridvault.ingest")
public record IngestProperties(
        @DefaultValue("262144") @Min(1) int maxPayloadBytes,
        @DefaultValue("10m") Duration maxFutureSkew,
        @DefaultValue("10s") Duration durableTimeout,
        @DefaultValue("30s") Duration gatewayCacheTime) {}
