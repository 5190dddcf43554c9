package org.gridvault.simulator;

import java.util.Locale;

/** The four devices of a simulated home, with the wire names of the device protocol ({@code grid_meter}, ...). */
public enum DeviceKind {
    GRID_METER("GM", "Simulated meter"),
    PV_INVERTER("PV", "Simulated PV inverter"),
    BATTERY("BAT", "Simulated battery"),
    EV_CHARGER("EV", "Simulated EV charger");

    private final String serialSuffix;
    private final String model;

    DeviceKind(String serialSuffix, String model) {
        this.serialSuffix = serialSuffix;
        this.model = model;
    }

    /** The name GridVault's API and the device protocol use, such as {@code pv_inverter}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Ends the serial numbers the simulator gives such devices, such as {@code SIM-K3F9-H007-PV}. */
    public String serialSuffix() {
        return serialSuffix;
    }

    /** The model name registered for such devices. */
    public String model() {
        return model;
    }
}
