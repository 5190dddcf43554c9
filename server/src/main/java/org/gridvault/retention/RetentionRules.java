package org.gridvault.retention;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The configured retention rules, by name, and by the table they cover: what the record of processing shows as each
 * table's time limit, and what {@link Retention} applies.
 */
@Component
public class RetentionRules {

    private final SortedMap<String, RetentionRule> rules;

    @Autowired
    RetentionRules(RetentionProperties properties) {
        this.rules = new TreeMap<>(properties.rules());
    }

    private RetentionRules(Map<String, RetentionRule> rules) {
        this.rules = new TreeMap<>(rules);
    }

    /** The given rules, such as the defaults bound from {@code application.yml} in a test. */
    public static RetentionRules of(Map<String, RetentionRule> rules) {
        return new RetentionRules(rules);
    }

    /** Every rule by name, in name order. */
    public SortedMap<String, RetentionRule> all() {
        return Collections.unmodifiableSortedMap(rules);
    }

    /** The rules covering {@code table} ({@code schema.table}), in name order; empty when none does. */
    public List<RetentionRule> forTable(String table) {
        return rules.values().stream()
                .filter(rule -> rule.tables().contains(table))
                .toList();
    }

    /** The time limit of {@code table} in words, every rule covering it joined; empty when no rule covers it. */
    public String describe(String table) {
        return forTable(table).stream().map(RetentionRule::describe).collect(Collectors.joining("; "));
    }
}
