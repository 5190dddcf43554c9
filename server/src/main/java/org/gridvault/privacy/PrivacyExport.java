package org.gridvault.privacy;

import org.springframework.stereotype.Component;

/** The privacy module's part of a person's export: their consents, notices accepted, flags, ledgers and keys. */
@Component
@WithoutDisclosure("Exports the person's own records to them")
class PrivacyExport implements PersonalDataExport {

    private final Pseudonyms pseudonyms;

    PrivacyExport(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    @Override
    public String schema() {
        return "privacy";
    }

    @Override
    public void write(SubjectId subject, ExportTables tables) {
        var id = subject.value();
        tables.table("person_keys")
                .withhold(
                        "wrapped_keyset",
                        "Your encryption key, itself encrypted with the platform's key: useless outside GridVault, and"
                                + " giving it out would weaken the protection of your data.")
                .query("select * from privacy.person_keys where subject_id = ?", id);
        tables.table("notice_acceptances")
                .query("select * from privacy.notice_acceptances where subject_id = ? order by accepted_at", id);
        tables.table("consent_ledger")
                .query("select * from privacy.consent_ledger where subject_id = ? order by id", id);
        tables.table("processing_flags").query("select * from privacy.processing_flags where subject_id = ?", id);
        tables.table("disclosures").query("select * from privacy.disclosures where subject_id = ? order by id", id);
        tables.table("correction_notices")
                .query("select * from privacy.correction_notices where subject_id = ? order by id", id);
        tables.table("requests")
                .query("select * from privacy.requests where subject_id = ? order by received_at, id", id);
        tables.table("erasures").query("select * from privacy.erasures where subject_id = ?", id);
        var reference = pseudonyms.reference(subject);
        tables.table("audit_log")
                .query(
                        "select * from privacy.audit_log where actor = ? or subject = ? order by seq",
                        reference,
                        reference);
    }
}
