package org.gridvault.simulator;

import java.util.List;

/** The four registered devices of a simulated home. */
public record HomeDevices(
        DeviceCredentials gridMeter,
        DeviceCredentials pvInverter,
        DeviceCredentials battery,
        DeviceCredentials evCharger) {

    public DeviceCredentials of(DeviceKind kind) {
        return switch (kind) {
            case GRID_METER -> gridMeter;
            case PV_INVERTER -> pvInverter;
            case BATTERY -> battery;
            case EV_CHARGER -> evCharger;
        };
    }

    public List<DeviceCredentials> all() {
        return List.of(gridMeter, pvInverter, battery, evCharger);
    }
}
