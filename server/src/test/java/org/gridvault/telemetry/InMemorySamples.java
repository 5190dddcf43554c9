package org.gridvault.telemetry;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.gridvault.devices.DeviceId;

/** Devices' samples in memory, for the energy maths' properties. */
final class InMemorySamples implements SampleSource {

    private final Map<DeviceId, NavigableMap<Instant, Reading>> readings = new HashMap<>();

    void add(Collection<Reading> written) {
        written.forEach(reading -> of(reading.device()).put(reading.ts(), reading));
    }

    List<Reading> all(DeviceId device) {
        return List.copyOf(of(device).values());
    }

    @Override
    public List<List<Reading>> between(List<DeviceWindow> windows) {
        return windows.stream().map(this::in).toList();
    }

    @Override
    public List<Optional<Reading>> latest(Metric metric, List<DeviceWindow> windows) {
        return windows.stream()
                .map(window -> in(window).reversed().stream()
                        .filter(reading -> reading.has(metric))
                        .findFirst())
                .toList();
    }

    @Override
    public List<Optional<Reading>> earliest(Metric metric, List<DeviceWindow> windows) {
        return windows.stream()
                .map(window -> in(window).stream()
                        .filter(reading -> reading.has(metric))
                        .findFirst())
                .toList();
    }

    private List<Reading> in(DeviceWindow window) {
        return window.from().isBefore(window.to())
                ? List.copyOf(of(window.device())
                        .subMap(window.from(), true, window.to(), false)
                        .values())
                : List.of();
    }

    private NavigableMap<Instant, Reading> of(DeviceId device) {
        return readings.computeIfAbsent(device, ignored -> new TreeMap<>());
    }
}
