package org.gridvault.insights;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of flow and cost queries ({@link EnergyFlows}, {@link EnergyCosts}).
 *
 * @param maxRange the longest range one query covers: flows and costs are computed from every quarter hour of it,
 *     whatever the requested interval, so this bounds the quarter hours read (800 days: 76,800)
 */
@Validated
@ConfigurationProperties("gridvault.insights")
public record InsightsProperties(@DefaultValue("800d") Duration maxRange) {}
