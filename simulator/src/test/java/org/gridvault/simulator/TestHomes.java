package org.gridvault.simulator;

import org.gridvault.simulator.home.Location;

/** Homes for tests, with made-up credentials. */
final class TestHomes {

    static final Location BERLIN = Location.of(52.52, 13.40, "Europe/Berlin");

    private TestHomes() {}

    static HomeDevices devices(String home) {
        return new HomeDevices(
                new DeviceCredentials(home + "-GM", "secret-gm"),
                new DeviceCredentials(home + "-PV", "secret-pv"),
                new DeviceCredentials(home + "-BAT", "secret-bat"),
                new DeviceCredentials(home + "-EV", "secret-ev"));
    }

    static SimulatedHome berlin(long seed, String name) {
        return SimulatedHome.of(seed, BERLIN, devices(name));
    }
}
