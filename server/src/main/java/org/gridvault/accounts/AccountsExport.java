package org.gridvault.accounts;

import org.gridvault.privacy.ExportTables;
import org.gridvault.privacy.PersonalDataExport;
import org.gridvault.privacy.SubjectId;
import org.gridvault.privacy.WithoutDisclosure;
import org.springframework.stereotype.Component;

/** The accounts module's part of a person's export: their account, tokens, log-in failures and organisations. */
@Component
@WithoutDisclosure("Exports the person's own account to them")
class AccountsExport implements PersonalDataExport {

    private static final String LOOKUP_HASH =
            "A keyed hash of your e-mail address, used only to find your account at log-in; it says nothing the"
                    + " address itself does not.";

    @Override
    public String schema() {
        return "accounts";
    }

    @Override
    public void write(SubjectId subject, ExportTables tables) {
        var id = subject.value();
        tables.table("people")
                .withhold("email_lookup", LOOKUP_HASH)
                .withhold(
                        "password_hash",
                        "A one-way hash of your password: it cannot be turned back into the password and is kept"
                                + " back for your account's safety.")
                .decrypt("email_ciphertext", "id")
                .decrypt("display_name_ciphertext", "id")
                .query("select * from accounts.people where id = ?", id);
        tables.table("access_tokens")
                .withhold(
                        "token_hash",
                        "A hash of each session or access token; kept back so that the export cannot be used to"
                                + " log in.")
                .query("select * from accounts.access_tokens where person_id = ? order by created_at", id);
        tables.table("login_failures").withhold("email_lookup", LOOKUP_HASH).query("""
                        select * from accounts.login_failures
                        where email_lookup = (select email_lookup from accounts.people where id = ?)
                        """, id);
        tables.table("memberships")
                .query("select * from accounts.memberships where person_id = ? order by joined_at", id);
        tables.table("organisations").query("""
                        select * from accounts.organisations
                        where id in (select organisation_id from accounts.memberships where person_id = ?)
                        order by name
                        """, id);
    }
}
