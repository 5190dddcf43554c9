package org.gridvault.portability;

import org.gridvault.privacy.WithoutDisclosure;
import org.gridvault.sites.SiteErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erases the record of a site's Green Button imports with the site (in the site's erasure transaction); the
 * imported intervals are the virtual meter's telemetry, which goes with the site's devices.
 */
@WithoutDisclosure("Erases the import records of an erased site; reads nothing out")
@Component
class GreenButtonImportErasure {

    private final JdbcClient jdbc;

    GreenButtonImportErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SiteErased event) {
        jdbc.sql("delete from portability.greenbutton_imports where site_id = :site")
                .param("site", event.siteId().value())
                .update();
    }
}
