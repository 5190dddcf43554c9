package org.gridvault.privacy.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridvault.privacy.Purpose;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The personal-data catalog, read from {@code classpath*:privacy/catalog/*.yaml}, one file per module schema.
 *
 * <pre>{@code
 * schema: accounts
 * tables:
 *   people:
 *     holds: Accounts of the people who use GridVault
 *     subjects: account holders
 *     purposes: [service]
 *     recipients: members of the person's organisations
 *     columns:
 *       id: identifier.account
 *       email_ciphertext: contact.email encrypted
 *       created_at: none
 * }</pre>
 *
 * A column is {@code <category>} or {@code <category> encrypted}; categories come from a small fixed taxonomy
 * ({@link #CATEGORIES}), so a typo fails loading rather than producing a wrong record of processing.
 */
public final class DataCatalog {

    /** The data categories, dotted: kind of data, then what exactly. */
    public static final Set<String> CATEGORIES = Set.of(
            "none",
            "identifier.account",
            "identifier.pseudonym",
            "contact.email",
            "contact.name",
            "contact.phone",
            "contact.postal",
            "location.precise",
            "location.region",
            "account.credentials",
            "account.preferences",
            "account.activity",
            "organisation.membership",
            "site.description",
            "site.sharing",
            "device.identifier",
            "device.credentials",
            "energy.interval",
            "energy.generation",
            "energy.storage",
            "ev.session",
            "support.text",
            "technical.network",
            "privacy.consent",
            "privacy.disclosure",
            "privacy.key");

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final List<CatalogTable> tables;

    private DataCatalog(List<CatalogTable> tables) {
        this.tables = tables.stream()
                .sorted(Comparator.comparing(CatalogTable::qualifiedName))
                .toList();
    }

    /** Reads every module's catalog file from the classpath. */
    public static DataCatalog load() {
        try {
            var tables = new ArrayList<CatalogTable>();
            for (var resource :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:privacy/catalog/*.yaml")) {
                tables.addAll(parse(YAML.readTree(resource.getContentAsByteArray()), resource.getFilename()));
            }
            return new DataCatalog(tables);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the personal-data catalog", e);
        }
    }

    public List<CatalogTable> tables() {
        return tables;
    }

    /** Every declared column by {@code schema.table.column}. */
    public Map<String, CatalogColumn> columns() {
        var columns = new LinkedHashMap<String, CatalogColumn>();
        tables.forEach(table ->
                table.columns().forEach(column -> columns.put(table.qualifiedName() + "." + column.name(), column)));
        return columns;
    }

    /** Where a schema's declarations live, for error messages. */
    public static String fileOf(String schema) {
        return "server/src/main/resources/privacy/catalog/" + schema + ".yaml";
    }

    private static List<CatalogTable> parse(JsonNode file, String name) {
        var schema = text(file, "schema", name);
        var tables = new ArrayList<CatalogTable>();
        for (var table : file.path("tables").properties()) {
            var node = table.getValue();
            var where = name + " " + table.getKey();
            var purposes = new ArrayList<Purpose>();
            node.path("purposes")
                    .forEach(purpose -> purposes.add(Purpose.byWireName(purpose.asString())
                            .orElseThrow(() ->
                                    new IllegalStateException(where + ": unknown purpose " + purpose.asString()))));
            var columns = new ArrayList<CatalogColumn>();
            for (var column : node.path("columns").properties()) {
                var words = column.getValue().asString().trim().split("\\s+");
                if (!CATEGORIES.contains(words[0])) {
                    throw new IllegalStateException(where + "." + column.getKey() + ": unknown category '" + words[0]
                            + "'. Use one of " + CATEGORIES.stream().sorted().toList());
                }
                columns.add(
                        new CatalogColumn(column.getKey(), words[0], words.length > 1 && words[1].equals("encrypted")));
            }
            tables.add(new CatalogTable(
                    schema,
                    table.getKey(),
                    text(node, "holds", where),
                    text(node, "subjects", where),
                    List.copyOf(purposes),
                    node.path("recipients").asString("nobody but the person"),
                    List.copyOf(columns)));
        }
        return tables;
    }

    private static String text(JsonNode node, String field, String where) {
        var value = node.path(field);
        if (value.isMissingNode() || value.asString().isBlank()) {
            throw new IllegalStateException(where + ": '" + field + "' is missing");
        }
        return value.asString();
    }
}
