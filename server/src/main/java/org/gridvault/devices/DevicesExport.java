package org.gridvault.devices;

import org.gridvault.accounts.PersonId;
import org.gridvault.privacy.ExportTables;
import org.gridvault.privacy.PersonalDataExport;
import org.gridvault.privacy.SubjectId;
import org.gridvault.privacy.WithoutDisclosure;
import org.gridvault.sites.SiteDirectory;
import org.gridvault.sites.SiteId;
import org.springframework.stereotype.Component;

/** The devices module's part of a person's export: the devices of the sites they own, decommissioned ones included. */
@Component
@WithoutDisclosure("Exports the devices of the person's own sites to them")
class DevicesExport implements PersonalDataExport {

    private static final String SECRET =
            "A hash of a device's or claim code's secret; kept back so that the export cannot be used to impersonate"
                    + " a device.";

    private final SiteDirectory sites;

    DevicesExport(SiteDirectory sites) {
        this.sites = sites;
    }

    @Override
    public String schema() {
        return "devices";
    }

    @Override
    public void write(SubjectId subject, ExportTables tables) {
        var siteIds = sites.ownedBy(new PersonId(subject.value())).stream()
                .map(SiteId::value)
                .toList();
        tables.table("devices")
                .withhold("secret_hash", SECRET)
                .query("select * from devices.devices where site_id = any(?) order by registered_at, id", siteIds);
        tables.table("provisioned_devices").withhold("claim_code_hash", SECRET).query("""
                        select * from devices.provisioned_devices where claimed_device_id in
                            (select id from devices.devices where site_id = any(?))
                        """, siteIds);
    }
}
