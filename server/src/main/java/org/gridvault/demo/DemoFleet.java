package org.gridvault.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridvault.devices.DeviceCatalog;
import org.gridvault.devices.DeviceId;
import org.gridvault.simulator.DeviceKind;
import org.gridvault.simulator.Fleet;
import org.gridvault.simulator.HomeDevices;
import org.gridvault.simulator.SimulatedHome;
import org.gridvault.simulator.mqtt.BrokerAddress;
import org.gridvault.simulator.mqtt.MqttReadingSink;
import org.gridvault.telemetry.DeviceStates;
import org.gridvault.telemetry.DeviceStatus;
import org.gridvault.telemetry.Metric;
import org.gridvault.telemetry.Reading;
import org.gridvault.telemetry.TelemetryWriter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Runs the demo's simulated homes. Their history is written straight to storage (days of readings in seconds);
 * from then on every device reports live over MQTT to the embedded broker, as real devices would. On later starts
 * each home continues from the counters it reported last, and the time the demo was stopped is filled in the same way
 * (up to the history's length), so restarts leave neither a jump in the counters nor a hole in the charts.
 *
 * <p>Started by {@link DemoData} once the data exists; stopped first at shutdown (its phase is the highest), before
 * the broker it publishes to.
 */
@Component
@org.springframework.context.annotation.Profile("demo")
class DemoFleet implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoFleet.class);
    private static final Duration HISTORY_STEP = Duration.ofMinutes(5);

    private final TelemetryWriter writer;
    private final DeviceStates states;
    private final DeviceCatalog catalog;
    private final DemoProperties properties;
    private final Environment environment;
    private final Clock clock;
    private @Nullable Fleet fleet;
    private @Nullable MqttReadingSink sink;

    DemoFleet(
            TelemetryWriter writer,
            DeviceStates states,
            DeviceCatalog catalog,
            DemoProperties properties,
            Environment environment,
            Clock clock) {
        this.writer = writer;
        this.states = states;
        this.catalog = catalog;
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
    }

    /**
     * Writes the history (on the demo's first start) or continues each home from what it reported last, filling the
     * time the demo was stopped (on later starts), and starts live reporting if devices can reach a broker.
     */
    void launch(List<SimulatedHome> homes, boolean firstStart) {
        if (homes.isEmpty()) {
            return;
        }
        var deviceIds = deviceIds(homes);
        var historyFrom = clock.instant().minus(Duration.ofDays(properties.historyDays()));
        if (firstStart && properties.historyDays() > 0) {
            var from = new HashMap<SimulatedHome, Instant>();
            homes.forEach(home -> from.put(home, historyFrom));
            writeHistory(from, deviceIds);
        } else if (!firstStart) {
            writeHistory(resume(homes, deviceIds, historyFrom), deviceIds);
        }
        var mqttEnabled = environment.getProperty("gridvault.mqtt.enabled", Boolean.class, true)
                && environment.getProperty("gridvault.mqtt.broker-url", "").isEmpty();
        if (!mqttEnabled) {
            log.info("MQTT is off; the demo's {} simulated homes do not report live", homes.size());
            return;
        }
        var port = environment.getProperty("gridvault.mqtt.port", Integer.class, 1883);
        var credentials = homes.stream()
                .flatMap(home -> devicesOf(home.devices()).stream())
                .toList();
        sink = MqttReadingSink.connect(BrokerAddress.parse("tcp://127.0.0.1:" + port), credentials);
        fleet = Fleet.start(homes, sink, clock, properties.reportingInterval());
        log.info("{} simulated homes report every {} over MQTT", homes.size(), properties.reportingInterval());
    }

    /**
     * Continues every home from the values its devices reported last, at the latest of their last readings (or
     * {@code notBefore}, for a demo stopped longer than its history), so its counters go on from there instead of
     * jumping to a new estimate. Returns when each resumed home's history goes on; a home whose devices lack a
     * counter (they never reported) starts afresh.
     */
    private Map<SimulatedHome, Instant> resume(
            List<SimulatedHome> homes, Map<String, DeviceId> deviceIds, Instant notBefore) {
        var from = new HashMap<SimulatedHome, Instant>();
        for (var home : homes) {
            var published = new EnumMap<DeviceKind, Map<String, Double>>(DeviceKind.class);
            var lastReading = notBefore;
            for (var kind : DeviceKind.values()) {
                var status = Optional.ofNullable(
                                deviceIds.get(home.devices().of(kind).serial()))
                        .flatMap(states::status);
                var readAt = status.map(DeviceStatus::lastReadingAt).orElse(null);
                if (readAt == null) {
                    continue;
                }
                var values = new HashMap<String, Double>();
                status.get().latest().forEach((metric, value) -> values.put(metric.wireName(), value));
                published.put(kind, values);
                if (readAt.isAfter(lastReading)) {
                    lastReading = readAt;
                }
            }
            if (home.resume(lastReading, published)) {
                from.put(home, lastReading.plus(HISTORY_STEP));
            }
        }
        log.info("{} of {} simulated homes continue from their last readings", from.size(), homes.size());
        return from;
    }

    /** Writes each home's readings every five minutes from its own start until now. */
    private void writeHistory(Map<SimulatedHome, Instant> from, Map<String, DeviceId> deviceIds) {
        if (from.isEmpty()) {
            return;
        }
        var now = clock.instant();
        var batch = new ArrayList<Reading>();
        var written = 0;
        var earliest = from.values().stream().min(Instant::compareTo).orElseThrow();
        for (var time = earliest; time.isBefore(now); time = time.plus(HISTORY_STEP)) {
            for (var home : from.keySet()) {
                if (time.isBefore(from.get(home))) {
                    continue;
                }
                for (var reading : home.readingsAt(time)) {
                    var device = deviceIds.get(reading.serial());
                    if (device != null) {
                        batch.add(convert(device, reading));
                    }
                }
            }
            if (batch.size() >= 5000) {
                written += flush(batch);
            }
        }
        written += flush(batch);
        if (written > 0) {
            log.info("Wrote {} readings of history for {} simulated homes since {}", written, from.size(), earliest);
        }
    }

    private Map<String, DeviceId> deviceIds(List<SimulatedHome> homes) {
        var ids = new HashMap<String, DeviceId>();
        homes.forEach(home -> devicesOf(home.devices())
                .forEach(device -> catalog.inService(device.serial())
                        .ifPresent(identity -> ids.put(device.serial(), identity.id()))));
        return ids;
    }

    private int flush(List<Reading> batch) {
        var size = batch.size();
        writer.append(List.copyOf(batch)).join();
        batch.clear();
        return size;
    }

    private static Reading convert(DeviceId device, org.gridvault.simulator.Reading reading) {
        var values = Reading.noValues();
        reading.values()
                .forEach((name, value) ->
                        Metric.byName(name).ifPresent(metric -> values[metric.ordinal()] = value.doubleValue()));
        return new Reading(device, reading.time(), values);
    }

    private static List<org.gridvault.simulator.DeviceCredentials> devicesOf(HomeDevices devices) {
        return List.of(devices.gridMeter(), devices.pvInverter(), devices.battery(), devices.evCharger());
    }

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    @Override
    public void start() {}

    @Override
    public void stop() {
        if (fleet != null) {
            fleet.close();
            fleet = null;
        }
        if (sink != null) {
            sink.close();
            sink = null;
        }
    }

    @Override
    public boolean isRunning() {
        return fleet != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
