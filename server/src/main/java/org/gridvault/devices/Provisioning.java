package org.gridvault.devices;

import java.time.Clock;
import org.gridvault.accounts.PersonId;
import org.gridvault.privacy.AuditEntry;
import org.gridvault.privacy.AuditLog;
import org.gridvault.problems.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pre-provisions devices before sale (platform operators only): the device's serial is registered with a claim code
 * that goes on its label, and a buyer later claims it onto their site ({@link DeviceRegistry#claim}).
 */
@Service
public class Provisioning {

    /** A provisioned device with its claim code, shown once for printing on the label. */
    public record ProvisionedDevice(DeviceDescription device, String claimCode) {}

    private final ProvisionedDevices provisioned;
    private final AuditLog audit;
    private final Clock clock;

    Provisioning(ProvisionedDevices provisioned, AuditLog audit, Clock clock) {
        this.provisioned = provisioned;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ProvisionedDevice provision(PersonId operator, DeviceDescription description) {
        var device = DeviceRegistry.validated(description);
        var code = ClaimCodes.generate();
        if (!provisioned.insert(device, ClaimCodes.hash(code), clock.instant())) {
            throw ApiProblem.conflict(
                            "devices:serial.provisioned",
                            "Serial number " + device.serialNumber() + " is already provisioned.")
                    .with("field", "serialNumber");
        }
        audit.record(AuditEntry.byPerson(operator.subject(), "admin.device.provisioned")
                .on("serial", device.serialNumber())
                .with("kind", device.kind().wireName()));
        return new ProvisionedDevice(device, code);
    }
}
