package org.gridvault.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.privacy.PersonKeys;
import org.gridvault.privacy.Pseudonyms;
import org.gridvault.privacy.SubjectId;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** E-mail addresses and display names are stored encrypted; accounts are found by a lookup hash. */
@IntegrationTest
class EncryptedProfilesIntegrationTests {

    private final ApiClient api;
    private final JdbcClient jdbc;
    private final Pseudonyms pseudonyms;
    private final PersonKeys keys;

    EncryptedProfilesIntegrationTests(ApiClient api, JdbcClient jdbc, Pseudonyms pseudonyms, PersonKeys keys) {
        this.api = api;
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
        this.keys = keys;
    }

    @Test
    void keepsNoEmailAddressOrDisplayNameInClearText() {
        var columns = jdbc.sql("""
                        select column_name || ' ' || data_type from information_schema.columns
                        where table_schema = 'accounts' and table_name = 'people'
                        """).query(String.class).list();

        assertThat(columns)
                .contains(
                        "email_lookup bytea",
                        "email_ciphertext bytea",
                        "display_name_ciphertext bytea",
                        "password_hash text")
                .filteredOn(column -> column.endsWith(" text"))
                .containsExactlyInAnyOrder("password_hash text", "language text", "time_zone text");
    }

    @Test
    void logsInByTheLookupHashOfTheEmailAddressInAnyCase() {
        var email = "Mixed.Case-" + UUID.randomUUID() + "@Example.ORG";
        var normalised = email.toLowerCase(Locale.ROOT);
        assertThat(api.signUp(" " + email + " ", "password-for-mixed-case", "Mixed Case")
                        .status())
                .isEqualTo(201);

        assertThat(api.tryLogIn(normalised, "password-for-mixed-case").status()).isEqualTo(200);
        assertThat(api.tryLogIn(email.toUpperCase(Locale.ROOT), "password-for-mixed-case")
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from accounts.people where email_lookup = :lookup")
                        .param("lookup", pseudonyms.lookupHash("email", normalised))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(api.signUp(normalised.toUpperCase(Locale.ROOT), "another-password", "Someone Else")
                        .code())
                .isEqualTo("accounts:email.taken");
    }

    @Test
    void showsAMemberWhoseKeyWasDestroyedAsErased() {
        var admin = api.newPerson();
        var erased = api.newPerson();
        var organisation = api.post(
                        "/api/v1/organisations", admin.token(), Map.of("name", "Erasure Ltd", "kind", "installer"))
                .json()
                .path("id")
                .asString();
        var members = "/api/v1/organisations/" + organisation + "/members";
        assertThat(api.post(members, admin.token(), Map.of("email", erased.email()))
                        .status())
                .isEqualTo(201);

        keys.destroy(new SubjectId(erased.id()));

        var listed = api.get(members, admin.token());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()
                        .valueStream()
                        .filter(member -> member.path("personId")
                                .asString()
                                .equals(erased.id().toString()))
                        .map(member -> member.path("displayName").asString() + " "
                                + member.path("email").asString()))
                .containsExactly("(erased) (erased)");
        assertThat(listed.body()).doesNotContain(erased.email());
    }
}
