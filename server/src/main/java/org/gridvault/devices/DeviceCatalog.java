package org.gridvault.devices;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.gridvault.privacy.WithoutDisclosure;
import org.gridvault.sites.SiteId;
import org.springframework.stereotype.Service;

/**
 * Looks devices up for other modules' internal work (rolling up telemetry, routing a reading), with no person in the
 * loop. Anything answering a person's request uses {@link DeviceRegistry}, which checks their access.
 */
@WithoutDisclosure("Internal lookups by id or serial for storage and routing; no person receives the result")
@Service
public class DeviceCatalog {

    private final Devices devices;

    DeviceCatalog(Devices devices) {
        this.devices = devices;
    }

    public Optional<Device> find(DeviceId id) {
        return devices.findById(id);
    }

    /** The devices that exist among {@code ids}, in no particular order. */
    public List<Device> findAll(Collection<DeviceId> ids) {
        return devices.findAll(ids);
    }

    /** Devices of a site, decommissioned ones included (their history still belongs to the site). */
    public List<Device> ofSite(SiteId site) {
        return devices.ofSite(site, true);
    }

    /**
     * The device in service with this serial, for transports where someone else (an external MQTT broker) has already
     * authenticated it.
     */
    public Optional<DeviceIdentity> inService(String serialNumber) {
        return devices.inServiceBySerial(serialNumber).map(row -> DeviceCredentials.identity(row.device()));
    }

    /** The devices in service that report through this gateway. */
    public List<Device> childrenOf(DeviceId gateway) {
        return devices.childrenOf(gateway);
    }
}
