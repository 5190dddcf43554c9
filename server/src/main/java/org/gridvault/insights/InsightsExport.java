package org.gridvault.insights;

import org.gridvault.accounts.PersonId;
import org.gridvault.privacy.ExportTables;
import org.gridvault.privacy.PersonalDataExport;
import org.gridvault.privacy.SubjectId;
import org.gridvault.privacy.WithoutDisclosure;
import org.gridvault.sites.SiteDirectory;
import org.gridvault.sites.SiteId;
import org.springframework.stereotype.Component;

/** The insights module's part of a person's export: the tariff versions of the sites they own. */
@Component
@WithoutDisclosure("Exports the tariffs of the person's own sites to them")
class InsightsExport implements PersonalDataExport {

    private final SiteDirectory sites;

    InsightsExport(SiteDirectory sites) {
        this.sites = sites;
    }

    @Override
    public String schema() {
        return "insights";
    }

    @Override
    public void write(SubjectId subject, ExportTables tables) {
        var siteIds = sites.ownedBy(new PersonId(subject.value())).stream()
                .map(SiteId::value)
                .toList();
        tables.table("tariffs")
                .query("select * from insights.tariffs where site_id = any(?) order by site_id, valid_from", siteIds);
        tables.table("tariff_bands").query("""
                        select * from insights.tariff_bands where site_id = any(?)
                        order by site_id, valid_from, position
                        """, siteIds);
    }
}
