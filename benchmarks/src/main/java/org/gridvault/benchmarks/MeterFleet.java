package org.gridvault.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fleet of grid meters reporting every {@code interval} from {@code start}, in arrival order: reading number
 * {@code i} is step {@code i / size} of meter {@code i % size}, so consecutive readings come from different meters
 * (as they reach a server) and each meter's timestamps increase.
 */
record MeterFleet(List<UUID> devices, Instant start, Duration interval) {

    static MeterFleet ofRandomIds(int size, Instant start, Duration interval) {
        var devices = new ArrayList<UUID>(size);
        for (int i = 0; i < size; i++) {
            devices.add(UUID.randomUUID());
        }
        return new MeterFleet(List.copyOf(devices), start, interval);
    }

    int size() {
        return devices.size();
    }

    MeterReading reading(long index) {
        var deviceIndex = (int) (index % devices.size());
        var step = index / devices.size();
        return MeterReading.of(deviceIndex, devices.get(deviceIndex), step, start.plus(interval.multipliedBy(step)));
    }

    List<MeterReading> readings(long from, int count) {
        var readings = new ArrayList<MeterReading>(count);
        for (long i = from; i < from + count; i++) {
            readings.add(reading(i));
        }
        return readings;
    }

    /** The time just after the last of {@code total} readings. */
    Instant end(long total) {
        return start.plus(interval.multipliedBy(total / devices.size() + 1));
    }
}
