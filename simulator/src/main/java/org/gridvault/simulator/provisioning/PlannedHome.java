package org.gridvault.simulator.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gridvault.simulator.DeviceKind;
import org.gridvault.simulator.home.Location;

/**
 * One home of a planned fleet: its number, its own seed, the city it is near and its exact location (within about
 * 15 km of the city centre). {@link #fleet(int, long)} plans a whole fleet, the same for the same seed.
 */
public record PlannedHome(int number, long seed, Place place, Location location) {

    public static List<PlannedHome> fleet(int homes, long seed) {
        var random = new SplittableRandom(seed);
        var planned = new ArrayList<PlannedHome>(homes);
        for (int number = 1; number <= homes; number++) {
            var place = Place.ALL.get(random.nextInt(Place.ALL.size()));
            var centre = place.centre();
            var location = new Location(
                    centre.latitude() + random.nextDouble(-0.12, 0.12),
                    centre.longitude() + random.nextDouble(-0.15, 0.15),
                    centre.zone());
            planned.add(new PlannedHome(number, random.nextLong(), place, location));
        }
        return List.copyOf(planned);
    }

    public String name() {
        return "Simulated home " + number;
    }

    /** Serial numbers such as {@code SIM-T8K3B2-H007-GM}: unique per run, so runs never collide. */
    public String serial(String runId, DeviceKind kind) {
        return "SIM-%s-H%03d-%s".formatted(runId, number, kind.serialSuffix());
    }
}
