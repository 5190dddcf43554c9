package org.gridvault.simulator.provisioning;

import java.util.List;
import org.gridvault.simulator.home.Location;

/** A city simulated homes are spread around, with the GridVault home region its data belongs in. */
public record Place(String city, String region, Location centre) {

    /** Where simulated homes live: three European cities of different latitudes and one tropical Asian one. */
    public static final List<Place> ALL = List.of(
            new Place("Berlin", "eu", Location.of(52.52, 13.40, "Europe/Berlin")),
            new Place("Lisbon", "eu", Location.of(38.72, -9.14, "Europe/Lisbon")),
            new Place("Amsterdam", "eu", Location.of(52.37, 4.90, "Europe/Amsterdam")),
            new Place("Singapore", "sg", Location.of(1.35, 103.82, "Asia/Singapore")));
}
