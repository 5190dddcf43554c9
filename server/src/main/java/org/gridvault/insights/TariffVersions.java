package org.gridvault.insights;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;
import org.gridvault.privacy.HoldsPersonalData;
import org.gridvault.sites.SiteId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored tariff versions of sites. A household's tariff describes its supply contract, so the rows are personal data
 * of the site's owner: they are read only after {@link org.gridvault.sites.SiteAccess} allowed it.
 */
@Repository
@HoldsPersonalData
class TariffVersions {

    private final JdbcClient jdbc;

    TariffVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The site's versions, oldest first. */
    List<Tariff> ofSite(SiteId site) {
        var bands = new HashMap<LocalDate, List<PriceBand>>();
        jdbc.sql("""
                        select valid_from, weekdays, starts_at, ends_at, price from insights.tariff_bands
                        where site_id = ? order by valid_from, position
                        """).param(site.value()).query(rs -> {
            bands.computeIfAbsent(rs.getDate("valid_from").toLocalDate(), date -> new ArrayList<>())
                    .add(band(rs));
        });
        return jdbc.sql("""
                        select valid_from, currency, import_price, export_price, daily_charge from insights.tariffs
                        where site_id = ? order by valid_from
                        """)
                .param(site.value())
                .query((rs, row) -> {
                    var validFrom = rs.getDate("valid_from").toLocalDate();
                    return new Tariff(
                            validFrom,
                            rs.getString("currency"),
                            plain(rs.getBigDecimal("import_price")),
                            bands.getOrDefault(validFrom, List.of()),
                            plain(rs.getBigDecimal("export_price")),
                            plain(rs.getBigDecimal("daily_charge")));
                })
                .list();
    }

    /** Stores the version, replacing one with the same {@code validFrom}. */
    void save(SiteId site, Tariff tariff, Instant savedAt) {
        var validFrom = Date.valueOf(tariff.validFrom());
        jdbc.sql("delete from insights.tariffs where site_id = ? and valid_from = ?")
                .params(site.value(), validFrom)
                .update();
        jdbc.sql("""
                        insert into insights.tariffs (site_id, valid_from, currency, import_price, export_price,
                            daily_charge, saved_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        site.value(),
                        validFrom,
                        tariff.currency(),
                        tariff.importPricePerKwh(),
                        tariff.exportPricePerKwh(),
                        tariff.dailyCharge(),
                        Timestamp.from(savedAt))
                .update();
        int position = 0;
        for (var band : tariff.importBands()) {
            jdbc.sql("""
                            insert into insights.tariff_bands (site_id, valid_from, position, weekdays, starts_at,
                                ends_at, price)
                            values (?, ?, ?, cast(? as smallint[]), cast(? as time), cast(? as time), ?)
                            """)
                    .params(
                            site.value(),
                            validFrom,
                            position++,
                            weekdays(band),
                            band.from().toString(),
                            band.to().equals(LocalTime.MIDNIGHT)
                                    ? "24:00"
                                    : band.to().toString(),
                            band.pricePerKwh())
                    .update();
        }
    }

    /** Serialises the versions of a site: concurrent saves of one site run one after the other. */
    void lock(SiteId site) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('insights.tariffs'), hashtext(?))")
                .param(site.toString())
                .query()
                .singleRow();
    }

    private static PriceBand band(ResultSet rs) throws SQLException {
        var days = new TreeSet<DayOfWeek>();
        for (var day : (Number[]) rs.getArray("weekdays").getArray()) {
            days.add(DayOfWeek.of(day.intValue()));
        }
        var ends = rs.getString("ends_at");
        return new PriceBand(
                days,
                LocalTime.parse(rs.getString("starts_at")),
                ends.startsWith("24:") ? LocalTime.MIDNIGHT : LocalTime.parse(ends),
                plain(rs.getBigDecimal("price")));
    }

    private static String weekdays(PriceBand band) {
        var numbers = new ArrayList<String>();
        band.days().stream().sorted().forEach(day -> numbers.add(Integer.toString(day.getValue())));
        return "{" + String.join(",", numbers) + "}";
    }

    /** 0.250000 as 0.25 and 10.000000 as 10 (not 1E+1). */
    private static BigDecimal plain(BigDecimal value) {
        var stripped = value;
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
