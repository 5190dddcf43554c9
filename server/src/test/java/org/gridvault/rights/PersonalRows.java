package org.gridvault.rights;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gridvault.privacy.catalog.CatalogTable;
import org.gridvault.privacy.catalog.DataCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds rows of personal tables (every table the personal-data catalog declares personal, in every module) that
 * mention a value anywhere, by the text of the whole row: an id in any column, array or JSON document counts.
 */
final class PersonalRows {

    private final JdbcClient jdbc;
    private final DataCatalog catalog = DataCatalog.load();

    PersonalRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tables (with a count) that have rows mentioning the value, leaving out the tables named. */
    List<String> mentioning(Object value, Set<String> except) {
        var found = new ArrayList<String>();
        for (var table : personalTables()) {
            if (except.contains(table.qualifiedName())) {
                continue;
            }
            var count = jdbc.sql("select count(*) from " + table.qualifiedName()
                            + " as t where position(:value in t::text) > 0")
                    .param("value", value.toString())
                    .query(Long.class)
                    .single();
            if (count > 0) {
                found.add(table.qualifiedName() + " (" + count + " rows)");
            }
        }
        return found;
    }

    /** How many personal tables there are, to show the check looked at all modules. */
    List<CatalogTable> personalTables() {
        return catalog.tables().stream().filter(CatalogTable::personal).toList();
    }
}
