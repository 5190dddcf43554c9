package org.gridvault.privacy.catalog;

import java.util.List;
import org.gridvault.privacy.Purpose;

/**
 * One table as the catalog declares it: what it holds, about whom, why, who receives it, how long it is kept.
 *
 * @param schema the module's schema
 * @param holds what the table holds, in a sentence
 * @param subjects whose data it is (account holders, site owners, ...)
 * @param recipients who besides the person receives it
 */
public record CatalogTable(
        String schema,
        String name,
        String holds,
        String subjects,
        List<Purpose> purposes,
        String recipients,
        List<CatalogColumn> columns) {

    public String qualifiedName() {
        return schema + "." + name;
    }

    public boolean personal() {
        return columns.stream().anyMatch(CatalogColumn::personal);
    }
}
