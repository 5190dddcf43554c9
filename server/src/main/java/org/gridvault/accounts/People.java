package org.gridvault.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.gridvault.database.Timestamps;
import org.gridvault.privacy.HoldsPersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored accounts. E-mail addresses and display names are stored encrypted ({@link PersonalFields}); an account is
 * found by the lookup hash of its normalised e-mail address, never by the address itself.
 */
@Repository
@HoldsPersonalData
class People {

    /** An account row, with the credential that never leaves this module. */
    record PersonRow(Person person, String passwordHash) {}

    private final JdbcClient jdbc;
    private final PersonalFields fields;

    People(JdbcClient jdbc, PersonalFields fields) {
        this.jdbc = jdbc;
        this.fields = fields;
    }

    /** Inserts the account; false when the e-mail address is already taken. */
    boolean insert(Person person, String passwordHash) {
        var lookup = fields.emailLookup(person.email());
        if (existsWithEmailLookup(lookup)) {
            return false; // checked first so that no key is made for an account that will not exist
        }
        var id = person.id();
        return jdbc.sql("""
                        insert into accounts.people
                            (id, email_lookup, email_ciphertext, password_hash, display_name_ciphertext, language,
                             time_zone, created_at, password_changed_at)
                        values (:id, :lookup, :email, :hash, :name, :language, :zone, :now, :now)
                        on conflict (email_lookup) do nothing
                        """)
                        .param("id", id.value())
                        .param("lookup", lookup)
                        .param("email", fields.encryptEmail(id, person.email()))
                        .param("hash", passwordHash)
                        .param("name", fields.encryptDisplayName(id, person.displayName()))
                        .param("language", person.language())
                        .param("zone", person.timeZone())
                        .param("now", Timestamps.of(person.createdAt()))
                        .update()
                == 1;
    }

    Optional<PersonRow> findById(PersonId id) {
        return jdbc.sql("select * from accounts.people where id = :id")
                .param("id", id.value())
                .query(this::map)
                .optional();
    }

    /** The account with this normalised e-mail address (see {@link Accounts#normalise}). */
    Optional<PersonRow> findByEmail(String normalisedEmail) {
        return jdbc.sql("select * from accounts.people where email_lookup = :lookup")
                .param("lookup", emailLookup(normalisedEmail))
                .query(this::map)
                .optional();
    }

    /** The lookup hash of a normalised e-mail address, as stored with the account that uses it. */
    byte[] emailLookup(String normalisedEmail) {
        return fields.emailLookup(normalisedEmail);
    }

    void updateProfile(PersonId id, String displayName, String language, String timeZone) {
        jdbc.sql("""
                        update accounts.people set display_name_ciphertext = :name, language = :language, time_zone = :zone
                        where id = :id
                        """)
                .param("id", id.value())
                .param("name", fields.encryptDisplayName(id, displayName))
                .param("language", language)
                .param("zone", timeZone)
                .update();
    }

    void updatePassword(PersonId id, String passwordHash, Instant changedAt) {
        jdbc.sql("update accounts.people set password_hash = :hash, password_changed_at = :at where id = :id")
                .param("id", id.value())
                .param("hash", passwordHash)
                .param("at", Timestamps.of(changedAt))
                .update();
    }

    private boolean existsWithEmailLookup(byte[] lookup) {
        return jdbc.sql("select count(*) from accounts.people where email_lookup = :lookup")
                        .param("lookup", lookup)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private PersonRow map(ResultSet row, int index) throws SQLException {
        var id = new PersonId(row.getObject("id", UUID.class));
        var person = new Person(
                id,
                fields.email(id, row.getBytes("email_ciphertext")),
                fields.displayName(id, row.getBytes("display_name_ciphertext")),
                row.getString("language"),
                row.getString("time_zone"),
                Timestamps.readRequired(row, "created_at"));
        return new PersonRow(person, row.getString("password_hash"));
    }
}
