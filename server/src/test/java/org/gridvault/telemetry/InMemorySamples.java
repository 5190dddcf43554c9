package org.gridvault.telemetry;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.gridvault.devices.DeviceId;
import org.jspecify.annotations.Nullable;

/** The samples of one device in memory, for the energy maths' properties. */
final class InMemorySamples implements SampleSource {

    private final NavigableMap<Instant, Reading> readings = new TreeMap<>();

    void add(Collection<Reading> written) {
        written.forEach(reading -> readings.put(reading.ts(), reading));
    }

    List<Reading> all() {
        return List.copyOf(readings.values());
    }

    @Override
    public List<Reading> between(DeviceId device, Instant from, Instant to) {
        return from.isBefore(to)
                ? List.copyOf(readings.subMap(from, true, to, false).values())
                : List.of();
    }

    @Override
    public Optional<Reading> latestBefore(DeviceId device, Metric metric, Instant before, @Nullable Instant notBefore) {
        return readings.headMap(before, false).descendingMap().values().stream()
                .takeWhile(reading -> notBefore == null || !reading.ts().isBefore(notBefore))
                .filter(reading -> reading.has(metric))
                .findFirst();
    }

    @Override
    public Optional<Reading> earliestFrom(DeviceId device, Metric metric, Instant from, @Nullable Instant notAfter) {
        return readings.tailMap(from, true).values().stream()
                .takeWhile(reading -> notAfter == null || reading.ts().isBefore(notAfter))
                .filter(reading -> reading.has(metric))
                .findFirst();
    }
}
