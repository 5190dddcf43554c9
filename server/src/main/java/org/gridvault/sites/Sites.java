package org.gridvault.sites;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gridvault.accounts.PersonId;
import org.gridvault.database.Timestamps;
import org.gridvault.privacy.FieldBinding;
import org.gridvault.privacy.HoldsPersonalData;
import org.gridvault.privacy.PersonKeys;
import org.gridvault.privacy.SubjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored sites. The address and the precise location are personal data of the owner: they are stored encrypted with
 * the owner's key (latitude and longitude as decimal text), each bound to its column and the site. Once the owner's
 * key is destroyed they read as absent.
 */
@Repository
@HoldsPersonalData
class Sites {

    private static final String ADDRESS = "sites.sites.address_ciphertext";
    private static final String LATITUDE = "sites.sites.latitude_ciphertext";
    private static final String LONGITUDE = "sites.sites.longitude_ciphertext";

    private final JdbcClient jdbc;
    private final PersonKeys keys;

    Sites(JdbcClient jdbc, PersonKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    void insert(Site site) {
        jdbc.sql("""
                        insert into sites.sites (id, owner_id, name, time_zone, region, address_ciphertext,
                            latitude_ciphertext, longitude_ciphertext, installed_on, created_at)
                        values (:id, :owner, :name, :zone, :region, :address, :latitude, :longitude, :installedOn,
                            :createdAt)
                        """).params(parameters(site)).update();
    }

    /** Stores the changed description, encrypted with the key of the site's owner (the owner never changes). */
    void update(Site site) {
        jdbc.sql("""
                        update sites.sites set name = :name, time_zone = :zone, region = :region,
                            address_ciphertext = :address, latitude_ciphertext = :latitude,
                            longitude_ciphertext = :longitude, installed_on = :installedOn
                        where id = :id
                        """).params(parameters(site)).update();
    }

    Optional<Site> findById(SiteId id) {
        return jdbc.sql("select * from sites.sites where id = :id")
                .param("id", id.value())
                .query(this::map)
                .optional();
    }

    /** The time zones of the sites that exist among {@code ids}; nothing is decrypted. */
    Map<SiteId, ZoneId> timeZones(Collection<SiteId> ids) {
        var zones = new HashMap<SiteId, ZoneId>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, time_zone from sites.sites where id in (:ids)")
                    .param("ids", ids.stream().map(SiteId::value).toList())
                    .query((ResultSet row) -> {
                        zones.put(new SiteId(row.getObject("id", UUID.class)), ZoneId.of(row.getString("time_zone")));
                    });
        }
        return zones;
    }

    List<SiteId> idsOwnedBy(PersonId owner) {
        return jdbc.sql("select id from sites.sites where owner_id = :owner order by created_at, id")
                .param("owner", owner.value())
                .query((row, index) -> new SiteId(row.getObject("id", UUID.class)))
                .list();
    }

    /** The sites, ordered by name; each is decrypted with its own owner's key. */
    List<Site> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from sites.sites where id in (:ids) order by name, id")
                .param("ids", ids)
                .query(this::map)
                .list();
    }

    private Map<String, Object> parameters(Site site) {
        var subject = new SubjectId(site.owner().value());
        var values = new HashMap<String, Object>();
        values.put("id", site.id().value());
        values.put("owner", site.owner().value());
        values.put("name", site.name());
        values.put("zone", site.timeZone().getId());
        values.put("region", site.region());
        values.put("address", encrypt(subject, site.address(), ADDRESS, site.id()));
        values.put("latitude", encrypt(subject, site.latitude(), LATITUDE, site.id()));
        values.put("longitude", encrypt(subject, site.longitude(), LONGITUDE, site.id()));
        values.put("installedOn", site.installedOn() == null ? null : Date.valueOf(site.installedOn()));
        values.put("createdAt", Timestamps.of(site.createdAt()));
        return values;
    }

    private Site map(ResultSet row, int index) throws SQLException {
        var id = new SiteId(row.getObject("id", UUID.class));
        var ownerId = new PersonId(row.getObject("owner_id", UUID.class));
        var owner = new SubjectId(ownerId.value());
        var installedOn = row.getDate("installed_on");
        var latitude = decrypt(owner, row.getBytes("latitude_ciphertext"), LATITUDE, id);
        var longitude = decrypt(owner, row.getBytes("longitude_ciphertext"), LONGITUDE, id);
        return new Site(
                id,
                ownerId,
                row.getString("name"),
                ZoneId.of(row.getString("time_zone")),
                row.getString("region"),
                decrypt(owner, row.getBytes("address_ciphertext"), ADDRESS, id),
                latitude == null ? null : Double.valueOf(latitude),
                longitude == null ? null : Double.valueOf(longitude),
                installedOn == null ? null : installedOn.toLocalDate(),
                Timestamps.readRequired(row, "created_at"));
    }

    private byte @Nullable [] encrypt(SubjectId owner, @Nullable Object value, String column, SiteId site) {
        return value == null ? null : keys.encrypt(owner, value.toString(), FieldBinding.of(column, site));
    }

    private @Nullable String decrypt(SubjectId owner, byte @Nullable [] ciphertext, String column, SiteId site) {
        return keys.decrypt(owner, ciphertext, FieldBinding.of(column, site)).orElse(null);
    }
}
