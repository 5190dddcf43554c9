package org.gridvault.retention;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One retention rule: which tables it covers, how long their rows are kept, counted from what, and what happens
 * then. Rules are configuration ({@code gridvault.retention.rules.<name>}); this constructor refuses incomplete ones
 * with a message that says what is missing, so a wrong rule stops the start rather than silently keeping data.
 *
 * <pre>{@code
 * gridvault.retention.rules.login-failures:
 *   tables: [accounts.login_failures]
 *   from: data-age
 *   timestamps: [first_failure_at]
 *   keep: P30D
 *   action: delete
 * }</pre>
 *
 * @param tables the tables it covers, as {@code schema.table}
 * @param from what the period is counted from
 * @param keep how long rows are kept (ISO-8601 period such as {@code P13M}); none for {@link
 *     RetentionStart#WHILE_NEEDED}
 * @param timestamps for {@link RetentionStart#DATA_AGE}: the time columns; the earliest one set counts, and rows
 *     with none set are kept
 * @param subjectColumn for {@link RetentionStart#ACCOUNT_CLOSURE}: the column holding the person's id
 * @param action what happens when the period is over; {@code delete} unless said otherwise ({@code none} for {@link
 *     RetentionStart#WHILE_NEEDED})
 * @param anonymise for {@link RetentionAction#ANONYMISE}: the columns cleared
 * @param note why, or what ends the data's life, in a sentence for the record of processing
 */
public record RetentionRule(
        List<String> tables,
        RetentionStart from,
        @Nullable Period keep,
        @DefaultValue List<String> timestamps,
        @Nullable String subjectColumn,
        @Nullable RetentionAction action,
        @DefaultValue List<String> anonymise,
        @Nullable String note) {

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");
    private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final String SAMPLES = "telemetry.samples";

    public RetentionRule {
        if (tables == null || tables.isEmpty()) {
            throw new IllegalArgumentException("A retention rule names the tables it covers (tables: [schema.table])");
        }
        if (from == null) {
            throw new IllegalArgumentException("Retention rule for " + tables
                    + ": say what the period counts from (from: data-age, account-closure or while-needed)");
        }
        tables.forEach(table -> require(TABLE, table, "a table (schema.table)"));
        timestamps = List.copyOf(timestamps == null ? List.of() : timestamps);
        anonymise = List.copyOf(anonymise == null ? List.of() : anonymise);
        timestamps.forEach(column -> require(COLUMN, column, "a column"));
        anonymise.forEach(column -> require(COLUMN, column, "a column"));
        if (subjectColumn != null) {
            require(COLUMN, subjectColumn, "a column");
        }
        if (action == null) {
            action = from == RetentionStart.WHILE_NEEDED ? RetentionAction.NONE : RetentionAction.DELETE;
        }
        var where = "Retention rule for " + tables + ": ";
        switch (from) {
            case WHILE_NEEDED -> {
                if (action != RetentionAction.NONE || keep != null || note == null || note.isBlank()) {
                    throw new IllegalArgumentException(
                            where
                                    + "a while-needed rule has no period and no action, and a note saying what ends the data's life");
                }
            }
            case DATA_AGE -> {
                if (keep == null || timestamps.isEmpty()) {
                    throw new IllegalArgumentException(
                            where + "a data-age rule needs keep (such as P30D) and timestamps (the time columns)");
                }
            }
            case ACCOUNT_CLOSURE -> {
                if (keep == null || subjectColumn == null) {
                    throw new IllegalArgumentException(where
                            + "an account-closure rule needs keep (such as P3Y) and subject-column (the person's id)");
                }
            }
        }
        if (keep != null && keep.isNegative()) {
            throw new IllegalArgumentException(where + "keep must not be negative: " + keep);
        }
        if (action == RetentionAction.NONE && from != RetentionStart.WHILE_NEEDED) {
            throw new IllegalArgumentException(where + "say what happens (action: delete or anonymise)");
        }
        if ((action == RetentionAction.ANONYMISE) == anonymise.isEmpty()) {
            throw new IllegalArgumentException(
                    where + "anonymise (the columns cleared) goes with action: anonymise, and only with it");
        }
        if (action == RetentionAction.AGGREGATE_THEN_DROP
                && (!tables.equals(List.of(SAMPLES)) || from != RetentionStart.DATA_AGE)) {
            throw new IllegalArgumentException(where + "aggregate-then-drop applies to " + SAMPLES
                    + " (monthly partitions, rolled up) by data age only");
        }
        tables = List.copyOf(tables);
    }

    /** The rule in words, for the record of processing and the privacy notice. */
    public String describe() {
        var text = switch (from) {
            case WHILE_NEEDED -> "";
            case DATA_AGE -> words(keep) + " after " + columns(timestamps) + ", then " + outcome();
            case ACCOUNT_CLOSURE -> words(keep) + " after the account is closed, then " + outcome();
        };
        if (note == null || note.isBlank()) {
            return text;
        }
        return text.isEmpty() ? note : text + " (" + note + ")";
    }

    private String outcome() {
        return switch (action) {
            case DELETE -> "deleted";
            case ANONYMISE ->
                String.join(
                                ", ",
                                anonymise.stream().map(name -> "`" + name + "`").toList()) + " cleared";
            case AGGREGATE_THEN_DROP -> "each whole month is dropped once rolled up; the rollups stay";
            case NONE -> "kept";
        };
    }

    private static String columns(List<String> names) {
        var quoted = names.stream().map(name -> "`" + name + "`").toList();
        return quoted.size() == 1 ? quoted.getFirst() : "the earliest of " + String.join(", ", quoted);
    }

    static String words(@Nullable Period period) {
        if (period == null) {
            return "";
        }
        var parts = new ArrayList<String>();
        add(parts, period.getYears(), "year");
        add(parts, period.getMonths(), "month");
        add(parts, period.getDays(), "day");
        return parts.isEmpty() ? "0 days" : parts.stream().collect(Collectors.joining(" "));
    }

    private static void add(List<String> parts, int amount, String unit) {
        if (amount != 0) {
            parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
        }
    }

    private static void require(Pattern pattern, @Nullable String name, String what) {
        if (name == null || !pattern.matcher(name).matches()) {
            throw new IllegalArgumentException("Not " + what + " name: " + name);
        }
    }
}
