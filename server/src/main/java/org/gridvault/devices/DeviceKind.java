package org.gridvault.devices;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a device is; fixes which metrics it reports and their sign conventions (see docs/device-protocol.md). */
public enum DeviceKind {
    GRID_METER,
    PV_INVERTER,
    BATTERY,
    EV_CHARGER,
    SMART_PLUG,
    CIRCUIT_METER,
    GATEWAY,
    JUNCTION_BOX;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeviceKind fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
