package org.gridvault.retention;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the retention job ({@link Retention}); the default rules are in {@code application.yml} and explained
 * in {@code docs/privacy/retention.md}.
 *
 * @param enabled whether the job runs on its own (once at start, to catch up, then at every check); off, nothing is
 *     ever deleted by age
 * @param checkInterval how often the server checks whether today's run is still due; read by {@code @Scheduled} as
 *     {@code gridvault.retention.check-interval}
 * @param batchSize the most rows one statement deletes or anonymises; each batch commits on its own, so a large
 *     backlog never holds locks or a transaction for long
 * @param lease how long a node may take for a run before another node may take over the day
 * @param rules the rules by name; a name says what kind of data the rule is about
 */
@Validated
@ConfigurationProperties("gridvault.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1h") Duration checkInterval,
        @DefaultValue("10000") @Min(1) @Max(1_000_000) int batchSize,
        @DefaultValue("6h") Duration lease,
        @DefaultValue Map<String, RetentionRule> rules) {

    public RetentionProperties {
        rules = Collections.unmodifiableSortedMap(new TreeMap<>(rules == null ? Map.of() : rules));
    }
}
