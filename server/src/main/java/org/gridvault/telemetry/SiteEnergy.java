package org.gridvault.telemetry;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.gridvault.accounts.PersonId;
import org.gridvault.devices.Device;
import org.gridvault.devices.DeviceCatalog;
import org.gridvault.devices.DeviceId;
import org.gridvault.devices.DeviceKind;
import org.gridvault.sites.SiteAccess;
import org.gridvault.sites.SiteId;
import org.gridvault.sites.SitePermission;
import org.springframework.stereotype.Service;

/**
 * A site's energy per interval: grid import and export, production, battery charge and discharge, EV charging and
 * the consumption that balances them (see {@link EnergyInterval} and docs/energy.md).
 *
 * <p>Sums the energy of the site's devices by kind, decommissioned devices included (their history still belongs to
 * the site). Every interval that starts within {@code [from, to)} is returned, in order, with zeros where nothing was
 * measured, so that charts get a continuous series. Days and months are counted in the site's time zone. The caller
 * must be able to see the site (404 otherwise); a read by anyone but the owner goes through the privacy decision point
 * (see {@link SiteAccess#require}).
 */
@Service
public class SiteEnergy {

    private static final EnumSet<Resolution> SUPPORTED =
            EnumSet.of(Resolution.FIFTEEN_MINUTES, Resolution.HOUR, Resolution.DAY, Resolution.MONTH);

    private final SiteAccess access;
    private final DeviceCatalog devices;
    private final RollupReads rollups;
    private final QueryProperties properties;

    SiteEnergy(SiteAccess access, DeviceCatalog devices, RollupReads rollups, QueryProperties properties) {
        this.access = access;
        this.devices = devices;
        this.rollups = rollups;
        this.properties = properties;
    }

    /** @param interval {@code PT15M}, {@code PT1H}, {@code P1D} or {@code P1M} */
    public List<EnergyInterval> energy(PersonId person, SiteId siteId, TimeBound from, TimeBound to, String interval) {
        var site = access.require(person, siteId, SitePermission.VIEW).site();
        var zone = site.timeZone();
        var resolution = QueryRanges.resolution(interval, SUPPORTED);
        var range = QueryRanges.of(from, to, zone);
        var starts = QueryRanges.starts(resolution, range, zone, properties.maxPoints());
        if (starts.isEmpty()) {
            return List.of();
        }
        var byStart = rollups.siteEnergy(resolution, siteDevices(siteId), starts.getFirst(), range.to());
        var intervals = new ArrayList<EnergyInterval>(starts.size());
        for (var start : starts) {
            var measured = byStart.get(start);
            intervals.add(measured == null ? EnergyInterval.of(start, 0, 0, 0, 0, 0, 0) : measured);
        }
        return intervals;
    }

    private RollupReads.SiteDevices siteDevices(SiteId site) {
        var all = devices.ofSite(site);
        return new RollupReads.SiteDevices(
                ofKind(all, DeviceKind.GRID_METER),
                ofKind(all, DeviceKind.PV_INVERTER),
                ofKind(all, DeviceKind.BATTERY),
                ofKind(all, DeviceKind.EV_CHARGER));
    }

    private static List<DeviceId> ofKind(List<Device> devices, DeviceKind kind) {
        return devices.stream()
                .filter(device -> device.kind() == kind)
                .map(Device::id)
                .toList();
    }
}
