package org.gridvault.devices;

import java.time.Clock;
import org.gridvault.problems.ApiProblem;
import org.springframework.stereotype.Service;

/**
 * Pre-provisions devices before sale (platform operators only): the device's serial is registered with a claim code
 * that goes on its label, and a buyer later claims it onto their site ({@link DeviceRegistry#claim}).
 */
@Service
public class Provisioning {

    /** A provisioned device with its claim code, shown once for printing on the label. */
    public record ProvisionedDevice(DeviceDescription device, String claimCode) {}

    private final ProvisionedDevices provisioned;
    private final Clock clock;

    Provisioning(ProvisionedDevices provisioned, Clock clock) {
        this.provisioned = provisioned;
        this.clock = clock;
    }

    public ProvisionedDevice provision(DeviceDescription description) {
        var device = DeviceRegistry.validated(description);
        var code = ClaimCodes.generate();
        if (!provisioned.insert(device, ClaimCodes.hash(code), clock.instant())) {
            throw ApiProblem.conflict(
                            "devices:serial.provisioned",
                            "Serial number " + device.serialNumber() + " is already provisioned.")
                    .with("field", "serialNumber");
        }
        return new ProvisionedDevice(device, code);
    }
}
