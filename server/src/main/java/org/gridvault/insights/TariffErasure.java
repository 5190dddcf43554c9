package org.gridvault.insights;

import org.gridvault.privacy.WithoutDisclosure;
import org.gridvault.sites.SiteErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Erases a site's tariffs with the site (in the site's erasure transaction). */
@WithoutDisclosure("Erases the tariffs of an erased site; reads nothing out")
@Component
class TariffErasure {

    private final JdbcClient jdbc;

    TariffErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SiteErased event) {
        for (var table : new String[] {"tariff_bands", "tariffs"}) {
            jdbc.sql("delete from insights." + table + " where site_id = :site")
                    .param("site", event.siteId().value())
                    .update();
        }
    }
}
