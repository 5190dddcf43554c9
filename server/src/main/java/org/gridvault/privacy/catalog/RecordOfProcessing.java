package org.gridvault.privacy.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridvault.privacy.Purpose;

/**
 * Writes the record of processing activities (GDPR Art. 30) and the privacy notice's data tables from the catalog, so
 * what the operator publishes is what the software does. Each table's time limit comes from the retention rules (a
 * function from table to its rule in words, such as {@code retentionRules::describe}). Deterministic: the same
 * catalog and rules give the same text.
 */
public final class RecordOfProcessing {

    private RecordOfProcessing() {}

    public static String render(DataCatalog catalog, Function<String, String> retention) {
        var out = new StringBuilder();
        out.append("# Record of processing activities\n\n")
                .append("Generated from `server/src/main/resources/privacy/catalog/*.yaml` by `RecordOfProcessing`; ")
                .append(
                        "do not edit by hand (`RecordOfProcessingTests` fails when this file differs from what the catalog generates).\n\n")
                .append(
                        "**Controller:** the operator of this GridVault installation (name and contact details to be added by the operator).\n\n");
        purposes(out, catalog);
        subjects(out, catalog);
        categories(out, catalog);
        recipients(out, catalog);
        out.append("## Transfers to third countries\n\n")
                .append(
                        "None by GridVault itself. Each site has a home region (`eu`, `sg`, `cn`, ...); a node configured with ")
                .append(
                        "`gridvault.privacy.region` refuses to disclose data of other regions (the decision point denies it).\n\n");
        retention(out, catalog, retention);
        security(out, catalog);
        out.append(
                "## Automated decisions\n\nNone. No purpose makes decisions with legal or similarly significant effects; insights are advisory.\n");
        return out.toString();
    }

    private static void purposes(StringBuilder out, DataCatalog catalog) {
        out.append(
                "## Purposes and legal bases\n\n| Purpose | Legal basis | Description | Tables |\n|---|---|---|---|\n");
        for (var purpose : Purpose.values()) {
            var tables = catalog.tables().stream()
                    .filter(table -> table.personal() && table.purposes().contains(purpose))
                    .map(table -> "`" + table.qualifiedName() + "`")
                    .collect(Collectors.joining(", "));
            out.append("| %s | %s | %s | %s |\n"
                    .formatted(
                            purpose.wireName(),
                            purpose.basis().wireName(),
                            purpose.description(),
                            !tables.isEmpty()
                                    ? tables
                                    : purpose.needsConsent()
                                            ? "no data kept for it yet; only with the person's consent"
                                            : "every personal table, while processing is restricted"));
        }
        out.append('\n');
    }

    private static void subjects(StringBuilder out, DataCatalog catalog) {
        out.append("## Categories of data subjects\n\n");
        catalog.tables().stream()
                .filter(CatalogTable::personal)
                .map(CatalogTable::subjects)
                .collect(Collectors.toCollection(TreeSet::new))
                .forEach(subjects -> out.append("- ").append(subjects).append('\n'));
        out.append('\n');
    }

    private static void categories(StringBuilder out, DataCatalog catalog) {
        out.append(
                "## Categories of personal data\n\n| Category | Where (schema.table.column) | Encrypted |\n|---|---|---|\n");
        Map<String, List<String>> byCategory = new TreeMap<>();
        Map<String, Boolean> encrypted = new TreeMap<>();
        catalog.columns().forEach((name, column) -> {
            if (column.personal()) {
                byCategory
                        .computeIfAbsent(column.category(), key -> new java.util.ArrayList<>())
                        .add(name);
                encrypted.merge(column.category(), column.encrypted(), Boolean::logicalAnd);
            }
        });
        byCategory.forEach((category, columns) -> out.append("| %s | %s | %s |\n"
                .formatted(
                        category,
                        columns.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", ")),
                        encrypted.get(category) ? "yes, with the person's key" : "no")));
        out.append('\n');
    }

    private static void recipients(StringBuilder out, DataCatalog catalog) {
        out.append("## Recipients\n\n| Table | Recipients |\n|---|---|\n");
        catalog.tables().stream()
                .filter(CatalogTable::personal)
                .forEach(table -> out.append("| `%s` | %s |\n".formatted(table.qualifiedName(), table.recipients())));
        out.append(
                "\nEvery disclosure to a recipient is recorded in the disclosure ledger (`privacy.disclosures`).\n\n");
    }

    private static void retention(StringBuilder out, DataCatalog catalog, Function<String, String> retention) {
        out.append("## Time limits for erasure\n\n")
                .append("Applied every day by the retention job, which records each run in the audit log ")
                .append("(`retention.rule.applied`); the rules are configuration (`gridvault.retention.rules`).\n\n")
                .append("| Table | Retention |\n|---|---|\n");
        catalog.tables().stream()
                .filter(CatalogTable::personal)
                .forEach(table ->
                        out.append("| `%s` | %s |\n".formatted(table.qualifiedName(), retentionOf(table, retention))));
        out.append('\n');
    }

    private static String retentionOf(CatalogTable table, Function<String, String> retention) {
        var text = retention.apply(table.qualifiedName());
        return text == null || text.isBlank() ? "no retention rule" : text;
    }

    private static void security(StringBuilder out, DataCatalog catalog) {
        var encryptedColumns = catalog.columns().entrySet().stream()
                .filter(entry -> entry.getValue().encrypted())
                .map(entry -> "`" + entry.getKey() + "`")
                .collect(Collectors.toCollection(LinkedHashSet::new));
        out.append("## Technical and organisational security measures\n\n")
                .append(
                        "- Encryption at rest with a key per person (AES-256-GCM, Google Tink), wrapped by a key-encryption key; ")
                .append("erasing a person destroys their key. Encrypted columns: ")
                .append(encryptedColumns.isEmpty() ? "none yet" : String.join(", ", encryptedColumns))
                .append(".\n")
                .append("- Passwords hashed with Argon2id; tokens and device secrets stored only as SHA-256 hashes.\n")
                .append("- Log-in throttling after repeated failures.\n")
                .append(
                        "- Access by grant only (owner, viewer, installer with expiry), decided per request by one decision point; ")
                .append("every disclosure recorded.\n")
                .append("- TLS for HTTP, MQTT (port 8883) when configured.\n")
                .append("- A hash-chained audit log of sensitive operations, verifiable by operators.\n\n");
    }

    /** The data tables of the privacy notice: per table, what is kept, why, and for how long. */
    public static String noticeTables(DataCatalog catalog, Function<String, String> retention) {
        var out = new StringBuilder("| What we keep | Why | Legal basis | How long |\n|---|---|---|---|\n");
        catalog.tables().stream()
                .filter(CatalogTable::personal)
                .forEach(table -> out.append("| %s | %s | %s | %s |\n"
                        .formatted(
                                table.holds(),
                                table.purposes().stream()
                                        .map(Purpose::description)
                                        .collect(Collectors.joining("; ")),
                                table.purposes().stream()
                                        .map(purpose -> purpose.basis().wireName())
                                        .distinct()
                                        .collect(Collectors.joining(", ")),
                                retentionOf(table, retention))));
        return out.toString();
    }
}
