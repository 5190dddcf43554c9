package org.gridvault.telemetry;

import java.util.List;
import java.util.Optional;

/**
 * Where rollups read raw readings from: the samples table, or lists in tests. Every method answers many windows at
 * once (one per device being rolled up), so that rolling up a batch of devices costs a few statements, not a few per
 * device; the answers come in the order of the windows.
 */
interface SampleSource {

    /** Per window: the readings in it, oldest first. */
    List<List<Reading>> between(List<DeviceWindow> windows);

    /** Per window: its latest reading that carries {@code metric}. */
    List<Optional<Reading>> latest(Metric metric, List<DeviceWindow> windows);

    /** Per window: its earliest reading that carries {@code metric}. */
    List<Optional<Reading>> earliest(Metric metric, List<DeviceWindow> windows);
}
