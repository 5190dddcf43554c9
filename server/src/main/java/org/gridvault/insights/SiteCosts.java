package org.gridvault.insights;

import java.util.List;

/**
 * A site's energy costs per interval over a period, oldest first, and for the whole period.
 *
 * @param currency the ISO 4217 code of every amount
 * @param intervals every interval that starts within the requested range, also those without data
 * @param total the exact sums over {@code intervals}, rounded once
 */
public record SiteCosts(String currency, List<CostInterval> intervals, CostInterval total) {}
