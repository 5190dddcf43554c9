package org.gridvault.privacy.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Compares the live database schema with the catalog: every column of every module schema must be declared (a column
 * nobody classified is a column nobody thought about), and every declared column must still exist.
 */
public final class CatalogCoverage {

    private CatalogCoverage() {}

    /** One mismatch, with what to do about it. */
    public record Finding(String column, String problem) {

        @Override
        public String toString() {
            return column + ": " + problem;
        }
    }

    public static List<Finding> check(JdbcClient jdbc, DataCatalog catalog, Collection<String> schemas) {
        var live = new TreeSet<String>(
                jdbc.sql("""
                        select c.table_schema || '.' || c.table_name || '.' || c.column_name
                        from information_schema.columns c
                        join pg_catalog.pg_class t on t.relname = c.table_name
                        join pg_catalog.pg_namespace n on n.oid = t.relnamespace and n.nspname = c.table_schema
                        where c.table_schema in (:schemas)
                          and c.table_name not like 'flyway%history'
                          and not t.relispartition
                        """).param("schemas", schemas).query(String.class).list());
        var declared = catalog.columns().keySet();
        var findings = new ArrayList<Finding>();
        for (var column : live) {
            if (!declared.contains(column)) {
                var schema = column.substring(0, column.indexOf('.'));
                findings.add(new Finding(column, "not classified; declare it in " + DataCatalog.fileOf(schema)));
            }
        }
        for (var column : declared) {
            var schema = column.substring(0, column.indexOf('.'));
            if (schemas.contains(schema) && !live.contains(column)) {
                findings.add(new Finding(
                        column, "declared but not in the database; remove it from " + DataCatalog.fileOf(schema)));
            }
        }
        return findings;
    }
}
