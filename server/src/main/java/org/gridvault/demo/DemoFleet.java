package org.gridvault.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.gridvault.devices.DeviceCatalog;
import org.gridvault.devices.DeviceId;
import org.gridvault.simulator.Fleet;
import org.gridvault.simulator.HomeDevices;
import org.gridvault.simulator.SimulatedHome;
import org.gridvault.simulator.mqtt.BrokerAddress;
import org.gridvault.simulator.mqtt.MqttReadingSink;
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
 * from then on every device reports live over MQTT to the embedded broker, as real devices would.
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
    private final DeviceCatalog catalog;
    private final DemoProperties properties;
    private final Environment environment;
    private final Clock clock;
    private @Nullable Fleet fleet;
    private @Nullable MqttReadingSink sink;

    DemoFleet(
            TelemetryWriter writer,
            DeviceCatalog catalog,
            DemoProperties properties,
            Environment environment,
            Clock clock) {
        this.writer = writer;
        this.catalog = catalog;
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
    }

    /** Writes the history (on the demo's first start) and starts live reporting if devices can reach a broker. */
    void launch(List<SimulatedHome> homes, boolean writeHistory) {
        if (homes.isEmpty()) {
            return;
        }
        if (writeHistory && properties.historyDays() > 0) {
            writeHistory(homes);
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

    private void writeHistory(List<SimulatedHome> homes) {
        var serials = new HashMap<String, DeviceId>();
        homes.forEach(home -> devicesOf(home.devices())
                .forEach(device -> catalog.inService(device.serial())
                        .ifPresent(identity -> serials.put(device.serial(), identity.id()))));
        var now = clock.instant();
        var batch = new ArrayList<Reading>();
        var written = 0;
        for (var time = now.minus(Duration.ofDays(properties.historyDays()));
                time.isBefore(now);
                time = time.plus(HISTORY_STEP)) {
            for (var home : homes) {
                for (var reading : home.readingsAt(time)) {
                    var device = serials.get(reading.serial());
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
        log.info(
                "Wrote {} days of history for {} simulated homes ({} readings)",
                properties.historyDays(),
                homes.size(),
                written);
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
