package org.gridvault.sites;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gridvault.database.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored sites. */
@Repository
class Sites {

    private final JdbcClient jdbc;

    Sites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Site site) {
        jdbc.sql("""
                        insert into sites.sites
                            (id, name, time_zone, region, address, latitude, longitude, installed_on, created_at)
                        values (:id, :name, :zone, :region, :address, :latitude, :longitude, :installedOn, :createdAt)
                        """).params(parameters(site)).update();
    }

    void update(Site site) {
        jdbc.sql("""
                        update sites.sites set name = :name, time_zone = :zone, region = :region, address = :address,
                            latitude = :latitude, longitude = :longitude, installed_on = :installedOn
                        where id = :id
                        """).params(parameters(site)).update();
    }

    Optional<Site> findById(SiteId id) {
        return jdbc.sql("select * from sites.sites where id = :id")
                .param("id", id.value())
                .query(Sites::map)
                .optional();
    }

    List<Site> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from sites.sites where id in (:ids) order by name, id")
                .param("ids", ids)
                .query(Sites::map)
                .list();
    }

    private static java.util.Map<String, Object> parameters(Site site) {
        var values = new java.util.HashMap<String, Object>();
        values.put("id", site.id().value());
        values.put("name", site.name());
        values.put("zone", site.timeZone().getId());
        values.put("region", site.region());
        values.put("address", site.address());
        values.put("latitude", site.latitude());
        values.put("longitude", site.longitude());
        values.put("installedOn", site.installedOn() == null ? null : Date.valueOf(site.installedOn()));
        values.put("createdAt", Timestamps.of(site.createdAt()));
        return values;
    }

    private static Site map(ResultSet row, int index) throws SQLException {
        var installedOn = row.getDate("installed_on");
        return new Site(
                new SiteId(row.getObject("id", UUID.class)),
                row.getString("name"),
                ZoneId.of(row.getString("time_zone")),
                row.getString("region"),
                row.getString("address"),
                row.getObject("latitude", Double.class),
                row.getObject("longitude", Double.class),
                installedOn == null ? null : installedOn.toLocalDate(),
                Timestamps.readRequired(row, "created_at"));
    }
}
