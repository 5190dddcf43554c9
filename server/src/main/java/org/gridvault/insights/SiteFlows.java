package org.gridvault.insights;

import java.util.List;

/**
 * A site's energy flows per interval over a period, oldest first, and for the whole period.
 *
 * @param intervals every interval that starts within the requested range, also those without data (all zeros)
 * @param total the sums over {@code intervals}, with the ratios of those sums
 */
public record SiteFlows(List<FlowInterval> intervals, FlowInterval total) {}
