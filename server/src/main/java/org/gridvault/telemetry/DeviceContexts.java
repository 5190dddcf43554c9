package org.gridvault.telemetry;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.gridvault.devices.DeviceCatalog;
import org.gridvault.devices.DeviceId;
import org.gridvault.devices.DeviceKind;
import org.gridvault.sites.SiteDirectory;
import org.springframework.stereotype.Component;

/** What rollups need to know about a device from other modules: its kind and its site's time zone. */
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

    Optional<DeviceContext> of(DeviceId device) {
        return devices.find(device)
                .flatMap(found ->
                        sites.find(found.siteId()).map(site -> new DeviceContext(found.kind(), site.timeZone())));
    }
}
