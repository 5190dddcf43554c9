package org.gridvault.devices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gridvault.accounts.PersonId;
import org.gridvault.database.Timestamps;
import org.gridvault.privacy.HoldsPersonalData;
import org.gridvault.sites.SiteId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored device registrations and their secret hashes. */
@Repository
@HoldsPersonalData
class Devices {

    /** A device in service with the hash of its secret, for authenticating it. */
    record CredentialRow(Device device, byte @Nullable [] secretHash) {}

    private final JdbcClient jdbc;

    Devices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the registration; false when another device in service has the serial. */
    boolean insert(Device device, byte[] secretHash, PersonId registeredBy) {
        var values = new HashMap<String, @Nullable Object>();
        values.put("id", device.id().value());
        values.put("site", device.siteId().value());
        values.put("serial", device.serialNumber());
        values.put("kind", device.kind().wireName());
        values.put("manufacturer", device.manufacturer());
        values.put("model", device.model());
        values.put("firmware", device.firmwareVersion());
        values.put("hash", secretHash);
        values.put("by", registeredBy.value());
        values.put("at", Timestamps.of(device.registeredAt()));
        try {
            jdbc.sql("""
                            insert into devices.devices (id, site_id, serial_number, kind, manufacturer, model,
                                firmware_version, secret_hash, registered_by, registered_at)
                            values (:id, :site, :serial, :kind, :manufacturer, :model, :firmware, :hash, :by, :at)
                            """).params(values).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Device> findById(DeviceId id) {
        return jdbc.sql("select * from devices.devices where id = :id")
                .param("id", id.value())
                .query(Devices::map)
                .optional();
    }

    List<Device> findAll(Collection<DeviceId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from devices.devices where id in (:ids)")
                .param("ids", ids.stream().map(DeviceId::value).toList())
                .query(Devices::map)
                .list();
    }

    List<Device> ofSite(SiteId site, boolean includeDecommissioned) {
        return jdbc.sql("""
                        select * from devices.devices
                        where site_id = :site and (:all or decommissioned_at is null)
                        order by kind, serial_number, registered_at
                        """)
                .param("site", site.value())
                .param("all", includeDecommissioned)
                .query(Devices::map)
                .list();
    }

    List<Device> childrenOf(DeviceId gateway) {
        return jdbc.sql("select * from devices.devices where gateway_id = :gateway and decommissioned_at is null")
                .param("gateway", gateway.value())
                .query(Devices::map)
                .list();
    }

    Optional<CredentialRow> inServiceBySerial(String serial) {
        return jdbc.sql("select * from devices.devices where serial_number = :serial and decommissioned_at is null")
                .param("serial", serial)
                .query((row, i) -> new CredentialRow(map(row, i), row.getBytes("secret_hash")))
                .optional();
    }

    void replaceSecret(DeviceId id, byte[] secretHash) {
        jdbc.sql("update devices.devices set secret_hash = :hash where id = :id")
                .param("id", id.value())
                .param("hash", secretHash)
                .update();
    }

    void setGateway(DeviceId device, @Nullable DeviceId gateway) {
        jdbc.sql("update devices.devices set gateway_id = :gateway where id = :id")
                .param("id", device.value())
                .param("gateway", gateway == null ? null : gateway.value())
                .update();
    }

    /** Takes the device out of service: clears its secret and unpairs its children. */
    boolean decommission(DeviceId id, Instant now) {
        jdbc.sql("update devices.devices set gateway_id = null where gateway_id = :id")
                .param("id", id.value())
                .update();
        return jdbc.sql("""
                                update devices.devices set decommissioned_at = :now, secret_hash = null, gateway_id = null
                                where id = :id and decommissioned_at is null
                                """)
                        .param("id", id.value())
                        .param("now", Timestamps.of(now))
                        .update()
                == 1;
    }

    private static Device map(ResultSet row, int index) throws SQLException {
        var gateway = row.getObject("gateway_id", UUID.class);
        return new Device(
                new DeviceId(row.getObject("id", UUID.class)),
                new SiteId(row.getObject("site_id", UUID.class)),
                row.getString("serial_number"),
                DeviceKind.fromWireName(row.getString("kind")),
                row.getString("manufacturer"),
                row.getString("model"),
                row.getString("firmware_version"),
                gateway == null ? null : new DeviceId(gateway),
                Timestamps.readRequired(row, "registered_at"),
                Timestamps.read(row, "decommissioned_at"));
    }
}
