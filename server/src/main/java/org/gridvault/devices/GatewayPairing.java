package org.gridvault.devices;

import org.gridvault.accounts.PersonId;
import org.gridvault.problems.ApiProblem;
import org.gridvault.sites.SitePermission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pairs devices with the gateway that reports for them. A gateway may then publish its children's readings; both
 * must be in service on the same site, and gateways are not nested.
 */
@Service
public class GatewayPairing {

    private final Devices devices;
    private final DeviceRegistry registry;

    GatewayPairing(Devices devices, DeviceRegistry registry) {
        this.devices = devices;
        this.registry = registry;
    }

    @Transactional
    public Device pair(PersonId person, DeviceId childId, DeviceId gatewayId) {
        var child = DeviceRegistry.inService(registry.visible(person, childId, SitePermission.MANAGE_DEVICES));
        var gateway = DeviceRegistry.inService(registry.visible(person, gatewayId, SitePermission.MANAGE_DEVICES));
        if (gateway.kind() != DeviceKind.GATEWAY) {
            throw ApiProblem.unprocessable(
                            "devices:pairing.not-a-gateway",
                            "Device %s is a %s, not a gateway."
                                    .formatted(
                                            gateway.serialNumber(),
                                            gateway.kind().wireName()))
                    .with("field", "gatewayId");
        }
        if (child.kind() == DeviceKind.GATEWAY) {
            throw ApiProblem.unprocessable(
                    "devices:pairing.nested", "A gateway cannot report through another gateway.");
        }
        if (!child.siteId().equals(gateway.siteId())) {
            throw ApiProblem.unprocessable(
                            "devices:pairing.other-site",
                            "The gateway is on another site. Pair devices of one site only.")
                    .with("field", "gatewayId");
        }
        devices.setGateway(childId, gatewayId);
        return devices.findById(childId).orElseThrow();
    }

    @Transactional
    public Device unpair(PersonId person, DeviceId childId) {
        DeviceRegistry.inService(registry.visible(person, childId, SitePermission.MANAGE_DEVICES));
        devices.setGateway(childId, null);
        return devices.findById(childId).orElseThrow();
    }
}
