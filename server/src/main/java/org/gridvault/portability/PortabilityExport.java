package org.gridvault.portability;

import org.gridvault.accounts.PersonId;
import org.gridvault.privacy.ExportTables;
import org.gridvault.privacy.PersonalDataExport;
import org.gridvault.privacy.SubjectId;
import org.gridvault.privacy.WithoutDisclosure;
import org.gridvault.sites.SiteDirectory;
import org.gridvault.sites.SiteId;
import org.springframework.stereotype.Component;

/** The portability module's part of a person's export: the Green Button feeds imported into their sites. */
@Component
@WithoutDisclosure("Exports the imports into the person's own sites to them")
class PortabilityExport implements PersonalDataExport {

    private final SiteDirectory sites;

    PortabilityExport(SiteDirectory sites) {
        this.sites = sites;
    }

    @Override
    public String schema() {
        return "portability";
    }

    @Override
    public void write(SubjectId subject, ExportTables tables) {
        var siteIds = sites.ownedBy(new PersonId(subject.value())).stream()
                .map(SiteId::value)
                .toList();
        tables.table("greenbutton_imports")
                .query(
                        "select * from portability.greenbutton_imports where site_id = any(?) order by imported_at",
                        siteIds);
    }
}
