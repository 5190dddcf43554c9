package org.gridvault.portability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gridvault.accounts.PersonId;
import org.gridvault.database.Timestamps;
import org.gridvault.privacy.HoldsPersonalData;
import org.gridvault.sites.SiteId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of Green Button feeds imported into sites. */
@Repository
@HoldsPersonalData
class GreenButtonImports {

    private final JdbcClient jdbc;

    GreenButtonImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ImportResult> find(SiteId site, String contentHash) {
        return jdbc.sql("select * from portability.greenbutton_imports where site_id = :site and content_hash = :hash")
                .param("site", site.value())
                .param("hash", contentHash)
                .query(GreenButtonImports::map)
                .optional();
    }

    /** Imports into the site whose intervals overlap {@code [from, to)}. */
    List<ImportResult> overlapping(SiteId site, Instant from, Instant to) {
        return jdbc.sql("""
                        select * from portability.greenbutton_imports
                        where site_id = :site and first_start < :to and last_end > :from
                        order by first_start
                        """)
                .param("site", site.value())
                .param("from", Timestamps.of(from))
                .param("to", Timestamps.of(to))
                .query(GreenButtonImports::map)
                .list();
    }

    /** Records an import; false when the same content was recorded for the site meanwhile. */
    boolean insert(ImportResult result, String contentHash, PersonId by) {
        return jdbc.sql("""
                        insert into portability.greenbutton_imports (id, site_id, device_id, content_hash, title,
                            first_start, last_end, intervals, import_wh, export_wh, imported_by, imported_at)
                        values (:id, :site, :device, :hash, :title, :from, :to, :intervals, :importWh, :exportWh,
                            :by, :at)
                        on conflict (site_id, content_hash) do nothing
                        """)
                        .param("id", result.id())
                        .param("site", result.siteId())
                        .param("device", result.deviceId())
                        .param("hash", contentHash)
                        .param("title", result.title())
                        .param("from", Timestamps.of(result.from()))
                        .param("to", Timestamps.of(result.to()))
                        .param("intervals", result.intervals())
                        .param("importWh", result.importWh())
                        .param("exportWh", result.exportWh())
                        .param("by", by.value())
                        .param("at", Timestamps.of(result.importedAt()))
                        .update()
                == 1;
    }

    private static ImportResult map(ResultSet row, int index) throws SQLException {
        return new ImportResult(
                row.getObject("id", UUID.class),
                row.getObject("site_id", UUID.class),
                row.getObject("device_id", UUID.class),
                row.getString("title"),
                Timestamps.readRequired(row, "first_start"),
                Timestamps.readRequired(row, "last_end"),
                row.getInt("intervals"),
                row.getLong("import_wh"),
                row.getLong("export_wh"),
                Timestamps.readRequired(row, "imported_at"),
                false);
    }
}
