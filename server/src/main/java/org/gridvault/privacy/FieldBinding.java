package org.gridvault.privacy;

import java.nio.charset.StandardCharsets;

/**
 * Where an encrypted value lives: its column and row. Used as the associated data of the encryption, so a ciphertext
 * copied to another column or row no longer decrypts.
 */
public record FieldBinding(String column, String row) {

    /** For example {@code FieldBinding.of("accounts.people.email_ciphertext", personId)}. */
    public static FieldBinding of(String column, Object row) {
        return new FieldBinding(column, String.valueOf(row));
    }

    byte[] associatedData() {
        return (column + "\n" + row).getBytes(StandardCharsets.UTF_8);
    }
}
