package org.gridvault.telemetry;

import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.gridvault.devices.Device;
import org.gridvault.devices.DeviceCatalog;
import org.gridvault.devices.DeviceId;
import org.gridvault.devices.DeviceKind;
import org.gridvault.sites.SiteDirectory;
import org.springframework.stereotype.Component;

/** What rollups need to know about devices from other modules: their kind and their site's time zone. */
@Component
class DeviceContexts {

    /** A device's kind and the time zone its days and months are counted in. */
    record DeviceContext(DeviceKind kind, ZoneId zone) {

        /** The energy this device's power stands for where it has no counter. */
        Map<Metric, Integer> energyFromPower() {
            return EnergyFromPower.of(kind);
        }
    }

    private final DeviceCatalog devices;
    private final SiteDirectory sites;

    DeviceContexts(DeviceCatalog devices, SiteDirectory sites) {
        this.devices = devices;
        this.sites = sites;
    }

    /** The contexts of the devices that exist and have a site, in two statements however many devices. */
    Map<DeviceId, DeviceContext> of(Collection<DeviceId> ids) {
        var found = devices.findAll(ids);
        var zones =
                sites.timeZones(found.stream().map(Device::siteId).distinct().toList());
        var contexts = new HashMap<DeviceId, DeviceContext>();
        for (var device : found) {
            var zone = zones.get(device.siteId());
            if (zone != null) {
                contexts.put(device.id(), new DeviceContext(device.kind(), zone));
            }
        }
        return contexts;
    }
}
