package org.gridvault.devices;

import java.time.Instant;
import java.util.Optional;
import org.gridvault.database.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored pre-provisioned devices waiting to be claimed. */
@Repository
class ProvisionedDevices {

    /** A provisioned, unclaimed device with the hash of its claim code. */
    record ProvisionedRow(DeviceDescription description, byte[] claimCodeHash) {}

    private final JdbcClient jdbc;

    ProvisionedDevices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(DeviceDescription device, byte[] claimCodeHash, Instant now) {
        try {
            jdbc.sql("""
                            insert into devices.provisioned_devices
                                (serial_number, kind, manufacturer, model, firmware_version, claim_code_hash, provisioned_at)
                            values (:serial, :kind, :manufacturer, :model, :firmware, :hash, :now)
                            """)
                    .param("serial", device.serialNumber())
                    .param("kind", device.kind().wireName())
                    .param("manufacturer", device.manufacturer())
                    .param("model", device.model())
                    .param("firmware", device.firmwareVersion())
                    .param("hash", claimCodeHash)
                    .param("now", Timestamps.of(now))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<ProvisionedRow> findUnclaimed(String serial) {
        return jdbc.sql(
                        "select * from devices.provisioned_devices where serial_number = :serial and claimed_at is null")
                .param("serial", serial)
                .query((row, i) -> new ProvisionedRow(
                        new DeviceDescription(
                                row.getString("serial_number"),
                                DeviceKind.fromWireName(row.getString("kind")),
                                row.getString("manufacturer"),
                                row.getString("model"),
                                row.getString("firmware_version")),
                        row.getBytes("claim_code_hash")))
                .optional();
    }

    boolean markClaimed(String serial, DeviceId device, Instant now) {
        return jdbc.sql("""
                                update devices.provisioned_devices set claimed_at = :now, claimed_device_id = :device
                                where serial_number = :serial and claimed_at is null
                                """)
                        .param("serial", serial)
                        .param("device", device.value())
                        .param("now", Timestamps.of(now))
                        .update()
                == 1;
    }
}
