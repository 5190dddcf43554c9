package org.gridvault.privacy;

/**
 * One module's part of a person's data export ({@code GET /api/v1/me/export?format=json}, promise P23): every module
 * that holds personal data implements it for the tables of its schema, so the export grows with the modules and the
 * privacy module needs to know none of them.
 *
 * <pre>{@code
 * @Component
 * @WithoutDisclosure("Exports the person's own data to them")
 * class AccountsExport implements PersonalDataExport {
 *     public String schema() { return "accounts"; }
 *     public void write(SubjectId subject, ExportTables tables) {
 *         tables.table("people").withhold("password_hash", "...").decrypt("email_ciphertext", "id")
 *                 .query("select * from accounts.people where id = ?", subject.value());
 *     }
 * }
 * }</pre>
 *
 * <p>Every personal column the catalog declares for the schema must be written or withheld with a reason; a test
 * compares the export with the catalog. Implementations are called inside one read-only transaction.
 */
public interface PersonalDataExport {

    /** The module's schema, the name of its part in the export. */
    String schema();

    /** Writes the person's rows of every table of the schema that holds their data. */
    void write(SubjectId subject, ExportTables tables);
}
