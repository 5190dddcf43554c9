package org.gridvault.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import org.gridvault.simulator.home.Counters;
import org.gridvault.simulator.home.Home;
import org.gridvault.simulator.home.HomeSpec;
import org.gridvault.simulator.home.HomeState;
import org.gridvault.simulator.home.Location;

/**
 * A simulated home with its four registered devices (grid meter, PV inverter, battery, EV charger): turns the model's
 * state at an instant into one {@link Reading} per device, with the device protocol's metric names and signs.
 *
 * <pre>{@code
 * var home = SimulatedHome.of(7, Location.of(52.52, 13.40, "Europe/Berlin"), devices);
 * List<Reading> readings = home.readingsAt(Instant.parse("2026-06-21T10:00:00Z"));
 * }</pre>
 *
 * <p>Each device's {@code seq} starts at the epoch second of its first reading and grows by one per reading, so a
 * restarted simulator (ticking at most once a second) continues above the sequence numbers of an earlier run.
 * Thread-safe; readings must be asked for at non-decreasing instants.
 */
public final class SimulatedHome {

    private final long seed;
    private final HomeDevices devices;
    private final Home home;
    private final Map<DeviceKind, Long> nextSeq = new EnumMap<>(DeviceKind.class);

    private SimulatedHome(long seed, Location location, HomeDevices devices) {
        this.seed = seed;
        this.devices = devices;
        this.home = Home.create(seed, location);
    }

    /** A home whose equipment, habits and weather are drawn from {@code seed}. */
    public static SimulatedHome of(long seed, Location location, HomeDevices devices) {
        return new SimulatedHome(seed, location, devices);
    }

    public long seed() {
        return seed;
    }

    public Location location() {
        return home.location();
    }

    public HomeDevices devices() {
        return devices;
    }

    public HomeSpec spec() {
        return home.spec();
    }

    /** The model's state after the last readings; empty before the first. */
    public synchronized Optional<HomeState> state() {
        return home.state();
    }

    /**
     * Continues from what an earlier run of this home published last, at {@code time}: the latest value of each
     * metric per device, by the protocol's metric names. Comes before the first {@link #readingsAt}.
     *
     * @return false, leaving the home to estimate its counters, when a counter is missing
     */
    public synchronized boolean resume(Instant time, Map<DeviceKind, Map<String, Double>> published) {
        var grid = published.getOrDefault(DeviceKind.GRID_METER, Map.of());
        var pv = published.getOrDefault(DeviceKind.PV_INVERTER, Map.of());
        var battery = published.getOrDefault(DeviceKind.BATTERY, Map.of());
        var ev = published.getOrDefault(DeviceKind.EV_CHARGER, Map.of());
        var values = new Double[] {
            pv.get("energy_produced_wh"),
            grid.get("energy_import_wh"),
            grid.get("energy_export_wh"),
            battery.get("energy_charged_wh"),
            battery.get("energy_discharged_wh"),
            ev.get("energy_delivered_wh"),
            battery.get("soc_pct")
        };
        if (Arrays.asList(values).contains(null)) {
            return false;
        }
        home.resume(time, new Counters(values[0], values[1], values[2], values[3], values[4], values[5]), values[6]);
        return true;
    }

    /**
     * Advances the home to {@code time} and returns one reading per device, in the order grid meter, PV inverter,
     * battery, EV charger.
     */
    public synchronized List<Reading> readingsAt(Instant time) {
        HomeState state = home.advanceTo(time);
        var readings = new ArrayList<Reading>(4);
        for (DeviceKind kind : DeviceKind.values()) {
            long seq = nextSeq.getOrDefault(kind, time.getEpochSecond());
            nextSeq.put(kind, seq + 1);
            readings.add(new Reading(devices.of(kind).serial(), kind, time, seq, values(kind, state)));
        }
        return List.copyOf(readings);
    }

    private static SequencedMap<String, Number> values(DeviceKind kind, HomeState state) {
        var values = new LinkedHashMap<String, Number>();
        switch (kind) {
            case GRID_METER -> {
                values.put("power_w", tenths(state.gridWatts()));
                values.put("energy_import_wh", wattHours(state.gridImportWattHours()));
                values.put("energy_export_wh", wattHours(state.gridExportWattHours()));
                values.put("voltage_v", tenths(state.gridVolts()));
                values.put("frequency_hz", Math.round(state.gridHertz() * 1000) / 1000.0);
            }
            case PV_INVERTER -> {
                values.put("power_w", tenths(state.pvWatts()));
                values.put("energy_produced_wh", wattHours(state.pvProducedWattHours()));
            }
            case BATTERY -> {
                values.put("power_w", tenths(state.batteryWatts()));
                values.put("soc_pct", tenths(state.batterySocPercent()));
                values.put("energy_charged_wh", wattHours(state.batteryChargedWattHours()));
                values.put("energy_discharged_wh", wattHours(state.batteryDischargedWattHours()));
            }
            case EV_CHARGER -> {
                values.put("power_w", tenths(state.evWatts()));
                values.put("energy_delivered_wh", wattHours(state.evDeliveredWattHours()));
            }
        }
        return values;
    }

    private static double tenths(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Whole watt-hours, rounded down, so the published counter never runs ahead of the energy behind it. */
    private static long wattHours(double value) {
        return (long) Math.floor(value);
    }
}
