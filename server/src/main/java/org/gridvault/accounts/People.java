package org.gridvault.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.gridvault.database.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored accounts. */
@Repository
class People {

    /** An account row, with the credential that never leaves this module. */
    record PersonRow(Person person, String passwordHash) {}

    private final JdbcClient jdbc;

    People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the account; false when the e-mail address is already taken. */
    boolean insert(Person person, String passwordHash) {
        return jdbc.sql("""
                        insert into accounts.people
                            (id, email, password_hash, display_name, language, time_zone, created_at, password_changed_at)
                        values (:id, :email, :hash, :name, :language, :zone, :now, :now)
                        on conflict (email) do nothing
                        """)
                        .param("id", person.id().value())
                        .param("email", person.email())
                        .param("hash", passwordHash)
                        .param("name", person.displayName())
                        .param("language", person.language())
                        .param("zone", person.timeZone())
                        .param("now", Timestamps.of(person.createdAt()))
                        .update()
                == 1;
    }

    Optional<PersonRow> findById(PersonId id) {
        return jdbc.sql("select * from accounts.people where id = :id")
                .param("id", id.value())
                .query(People::map)
                .optional();
    }

    Optional<PersonRow> findByEmail(String email) {
        return jdbc.sql("select * from accounts.people where email = :email")
                .param("email", email)
                .query(People::map)
                .optional();
    }

    void updateProfile(PersonId id, String displayName, String language, String timeZone) {
        jdbc.sql(
                        "update accounts.people set display_name = :name, language = :language, time_zone = :zone where id = :id")
                .param("id", id.value())
                .param("name", displayName)
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

    private static PersonRow map(ResultSet row, int index) throws SQLException {
        var person = new Person(
                new PersonId(row.getObject("id", UUID.class)),
                row.getString("email"),
                row.getString("display_name"),
                row.getString("language"),
                row.getString("time_zone"),
                Timestamps.readRequired(row, "created_at"));
        return new PersonRow(person, row.getString("password_hash"));
    }
}
