package org.gridvault.simulator.provisioning;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import org.gridvault.simulator.DeviceCredentials;
import org.gridvault.simulator.DeviceKind;
import org.gridvault.simulator.HomeDevices;
import org.gridvault.simulator.SimulatedHome;

/**
 * Sets a planned fleet up in a GridVault: opens the account if it does not exist yet, logs in, creates one site per
 * home and registers its grid meter, PV inverter, battery and EV charger. The result carries the issued secrets, ready
 * to connect.
 */
public final class Provisioning {

    private final GridVaultApi api;

    public Provisioning(GridVaultApi api) {
        this.api = api;
    }

    /**
     * @param runId distinguishes this run's serial numbers from earlier runs' (serials are unique in a GridVault)
     * @throws ApiException if GridVault refuses a step or cannot be reached
     */
    public List<SimulatedHome> provision(String email, String password, List<PlannedHome> plan, String runId) {
        api.signUp(email, password, "Simulated fleet");
        String token = api.logIn(email, password);
        var homes = new ArrayList<SimulatedHome>(plan.size());
        for (PlannedHome home : plan) {
            var location = home.location();
            var site = api.createSite(
                    token,
                    new GridVaultApi.NewSite(
                            home.name(),
                            location.zone().getId(),
                            home.place().region(),
                            Math.round(location.latitude() * 1e5) / 1e5,
                            Math.round(location.longitude() * 1e5) / 1e5));
            var devices = new EnumMap<DeviceKind, DeviceCredentials>(DeviceKind.class);
            for (DeviceKind kind : DeviceKind.values()) {
                devices.put(kind, api.registerDevice(token, site, home.serial(runId, kind), kind));
            }
            homes.add(SimulatedHome.of(
                    home.seed(),
                    location,
                    new HomeDevices(
                            devices.get(DeviceKind.GRID_METER),
                            devices.get(DeviceKind.PV_INVERTER),
                            devices.get(DeviceKind.BATTERY),
                            devices.get(DeviceKind.EV_CHARGER))));
        }
        return List.copyOf(homes);
    }
}
