package org.gridvault.sites;

import org.gridvault.privacy.ExportTables;
import org.gridvault.privacy.PersonalDataExport;
import org.gridvault.privacy.SubjectId;
import org.gridvault.privacy.WithoutDisclosure;
import org.springframework.stereotype.Component;

/**
 * The sites module's part of a person's export: the sites they own (address and location decrypted) and every grant
 * on them, plus the grants that invited them to someone else's site.
 */
@Component
@WithoutDisclosure("Exports the person's own sites and the grants on them or to them")
class SitesExport implements PersonalDataExport {

    @Override
    public String schema() {
        return "sites";
    }

    @Override
    public void write(SubjectId subject, ExportTables tables) {
        var id = subject.value();
        tables.table("sites")
                .decrypt("address_ciphertext", "owner_id")
                .decrypt("latitude_ciphertext", "owner_id")
                .decrypt("longitude_ciphertext", "owner_id")
                .query("select * from sites.sites where owner_id = ? order by created_at, id", id);
        tables.table("grants")
                .withhold(
                        "invitee_email_lookup",
                        "A keyed hash of the invited e-mail address, used only to match an invitation to an account;"
                                + " the address itself is in invitee_email.")
                .decrypt("invitee_email_ciphertext", "granted_by")
                .query("""
                        select * from sites.grants
                        where site_id in (select id from sites.sites where owner_id = ?) or person_id = ?
                        order by created_at, id
                        """, id, id);
    }
}
