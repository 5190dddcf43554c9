package org.gridvault.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.gridvault.privacy.catalog.CatalogTable;
import org.gridvault.privacy.catalog.DataCatalog;
import org.junit.jupiter.api.Test;

/** The default rules cover every personal table of the catalog, and a rule says exactly what it does. */
class RetentionRulesUnitTests {

    private final DataCatalog catalog = DataCatalog.load();
    private final RetentionRules rules = DefaultRetentionRules.load();

    @Test
    void everyPersonalTableOfTheCatalogHasARetentionRule() {
        var uncovered = catalog.tables().stream()
                .filter(CatalogTable::personal)
                .map(CatalogTable::qualifiedName)
                .filter(table -> rules.forTable(table).isEmpty())
                .toList();

        assertThat(uncovered)
                .as("personal tables without a retention rule; add one to gridvault.retention.rules in application.yml")
                .isEmpty();
    }

    @Test
    void everyRuleNamesTablesAndColumnsTheCatalogDeclares() {
        var columns = catalog.columns().keySet();
        var unknown = new ArrayList<String>();
        rules.all().forEach((name, rule) -> {
            for (var table : rule.tables()) {
                var named = new ArrayList<>(rule.timestamps());
                named.addAll(rule.anonymise());
                if (rule.subjectColumn() != null) {
                    named.add(rule.subjectColumn());
                }
                if (catalog.tables().stream()
                        .noneMatch(declared -> declared.qualifiedName().equals(table))) {
                    unknown.add(name + ": " + table);
                }
                named.stream()
                        .map(column -> table + "." + column)
                        .filter(column -> !columns.contains(column))
                        .forEach(column -> unknown.add(name + ": " + column));
            }
        });

        assertThat(unknown).isEmpty();
    }

    @Test
    void describesTheDefaultsInWords() {
        assertThat(rules.describe("telemetry.samples"))
                .startsWith("13 months after `ts`, then each whole month is dropped once rolled up; the rollups stay");
        assertThat(rules.describe("accounts.access_tokens"))
                .startsWith("30 days after the earliest of `revoked_at`, `expires_at`, then deleted");
        assertThat(rules.describe("privacy.consent_ledger"))
                .startsWith("3 years after the account is closed, then deleted");
        assertThat(rules.describe("sites.sites")).isEqualTo("until the owner erases the site or their account");
    }

    @Test
    void refusesRulesThatDoNotSayHowLongOrFromWhat() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> rule(List.of("accounts.login_failures"), RetentionStart.DATA_AGE, null, List.of()))
                .withMessageContaining("keep");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        rule(List.of("accounts.login_failures"), RetentionStart.DATA_AGE, Period.ofDays(1), List.of()))
                .withMessageContaining("timestamps");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetentionRule(
                        List.of("privacy.consent_ledger"),
                        RetentionStart.ACCOUNT_CLOSURE,
                        Period.ofYears(3),
                        List.of(),
                        null,
                        null,
                        List.of(),
                        null))
                .withMessageContaining("subject-column");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> rule(
                        List.of("accounts.login_failures; drop table x"),
                        RetentionStart.DATA_AGE,
                        Period.ofDays(1),
                        List.of("first_failure_at")))
                .withMessageContaining("Not a table");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetentionRule(
                        List.of("accounts.people"),
                        RetentionStart.DATA_AGE,
                        Period.ofDays(1),
                        List.of("created_at"),
                        null,
                        RetentionAction.AGGREGATE_THEN_DROP,
                        List.of(),
                        null))
                .withMessageContaining("telemetry.samples");
    }

    private static RetentionRule rule(List<String> tables, RetentionStart from, Period keep, List<String> timestamps) {
        return new RetentionRule(tables, from, keep, timestamps, null, null, List.of(), null);
    }
}
