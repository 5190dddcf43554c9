package org.gridvault.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridvault.devices.DeviceId;
import org.jspecify.annotations.Nullable;

/** Where a rollup reads a device's raw readings from: the samples table, or a list in tests. */
interface SampleSource {

    /** The device's readings with {@code from <= ts < to}, oldest first. */
    List<Reading> between(DeviceId device, Instant from, Instant to);

    /** The device's latest reading that carries {@code metric} with {@code notBefore <= ts < before}. */
    Optional<Reading> latestBefore(DeviceId device, Metric metric, Instant before, @Nullable Instant notBefore);

    /** The device's earliest reading that carries {@code metric} with {@code from <= ts < notAfter}. */
    Optional<Reading> earliestFrom(DeviceId device, Metric metric, Instant from, @Nullable Instant notAfter);
}
