package org.gridvault.privacy.catalog;

/**
 * One column as the catalog declares it.
 *
 * @param category a dotted data category such as {@code contact.email}, or {@code none} for no personal data
 * @param encrypted whether the value is stored encrypted with the person's key
 */
public record CatalogColumn(String name, String category, boolean encrypted) {

    public boolean personal() {
        return !category.equals("none");
    }
}
