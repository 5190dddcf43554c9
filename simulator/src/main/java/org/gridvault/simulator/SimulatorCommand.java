package org.gridvault.simulator;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gridvault.simulator.home.HomeSpec;
import org.gridvault.simulator.mqtt.MqttReadingSink;
import org.gridvault.simulator.provisioning.ApiException;
import org.gridvault.simulator.provisioning.GridVaultApi;
import org.gridvault.simulator.provisioning.PlannedHome;
import org.gridvault.simulator.provisioning.Provisioning;
import org.jspecify.annotations.Nullable;

/**
 * The simulator's command line: registers a fleet of simulated homes with a GridVault and publishes their readings
 * over MQTT until stopped (Ctrl-C) or until {@code --duration} has passed. Prints a summary line every 30 seconds.
 * Exit codes: 0 done, 1 GridVault or the broker refused, 2 bad arguments. See {@link SimulatorOptions#USAGE}.
 */
public final class SimulatorCommand {

    private static final Duration SUMMARY_EVERY = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Map<String, String> environment;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    SimulatorCommand(PrintStream out, PrintStream err, Clock clock, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.environment = environment;
    }

    public static void main(String[] args) {
        var command = new SimulatorCommand(System.out, System.err, Clock.systemUTC(), System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(command::stopAndWait, "gridvault-simulator-shutdown"));
        System.exit(command.run(args));
    }

    /** Runs the command and returns its exit code. */
    int run(String[] args) {
        try {
            return runOnce(args);
        } finally {
            finished.countDown();
        }
    }

    private int runOnce(String[] args) {
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args, environment);
        } catch (UsageException e) {
            err.println("gridvault simulate: " + e.getMessage());
            err.println("Run with --help for the options.");
            return 2;
        }
        if (options.help()) {
            out.print(SimulatorOptions.USAGE);
            return 0;
        }
        try {
            simulate(options);
            return 0;
        } catch (ApiException e) {
            err.println("gridvault simulate: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Ends a running simulation, as Ctrl-C does. */
    void stop() {
        stopped.countDown();
    }

    /** On Ctrl-C: stops and gives the devices a moment to say they go offline before the JVM ends. */
    private void stopAndWait() {
        stop();
        try {
            finished.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void simulate(SimulatorOptions options) throws InterruptedException {
        var plan = PlannedHome.fleet(options.homes(), options.seed());
        List<SimulatedHome> homes;
        ReadingSink sink;
        @Nullable MqttReadingSink mqtt = null;
        if (options.dryRun()) {
            homes = plan.stream().map(SimulatorCommand::offline).toList();
            sink = new ConsoleReadingSink(out);
        } else {
            String runId = Long.toString(clock.instant().getEpochSecond(), 36).toUpperCase(Locale.ROOT);
            out.printf(
                    "Registering %d homes (%d devices) with %s as %s, run %s%n",
                    plan.size(), plan.size() * 4, options.api(), options.email(), runId);
            homes = new Provisioning(GridVaultApi.at(options.api()))
                    .provision(options.email(), options.password(), plan, runId);
            mqtt = MqttReadingSink.connect(
                    options.broker(),
                    homes.stream()
                            .flatMap(home -> home.devices().all().stream())
                            .toList());
            awaitConnections(mqtt, options);
            sink = mqtt;
        }
        for (SimulatedHome home : homes) {
            out.println(describe(home));
        }
        out.printf(
                Locale.ROOT,
                "Publishing every %s at %sx speed%s%n",
                SimulatorOptions.shortForm(options.interval()),
                options.speed() == Math.rint(options.speed()) ? Long.toString((long) options.speed()) : options.speed(),
                options.duration() == null
                        ? " until Ctrl-C"
                        : " for " + SimulatorOptions.shortForm(options.duration()));

        var summaries = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("gridvault-simulator-summary")
                .daemon(true)
                .factory());
        try (var fleet = Fleet.start(homes, sink, clock, options.interval(), options.speed())) {
            summaries.scheduleAtFixedRate(
                    () -> out.println(fleet.statistics().summary()),
                    SUMMARY_EVERY.toSeconds(),
                    SUMMARY_EVERY.toSeconds(),
                    TimeUnit.SECONDS);
            if (options.duration() == null) {
                stopped.await();
            } else {
                stopped.await(options.duration().toMillis(), TimeUnit.MILLISECONDS);
            }
            fleet.close();
            summaries.shutdownNow();
            out.println("Stopped: " + fleet.statistics().summary());
        } finally {
            summaries.shutdownNow();
            if (mqtt != null) {
                mqtt.close();
            }
        }
    }

    private void awaitConnections(MqttReadingSink mqtt, SimulatorOptions options) throws InterruptedException {
        try {
            mqtt.connected().get(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            out.println("Connected to " + options.broker());
        } catch (ExecutionException e) {
            err.println("Warning: not every device could connect to " + options.broker() + " ("
                    + e.getCause().getMessage() + "); they keep retrying.");
        } catch (TimeoutException e) {
            err.println("Warning: devices still connecting to " + options.broker() + " after "
                    + CONNECT_TIMEOUT.toSeconds() + " s; they keep retrying.");
        }
    }

    private static SimulatedHome offline(PlannedHome home) {
        String run = "DRYRUN";
        return SimulatedHome.of(
                home.seed(),
                home.location(),
                new HomeDevices(
                        new DeviceCredentials(home.serial(run, DeviceKind.GRID_METER), "-"),
                        new DeviceCredentials(home.serial(run, DeviceKind.PV_INVERTER), "-"),
                        new DeviceCredentials(home.serial(run, DeviceKind.BATTERY), "-"),
                        new DeviceCredentials(home.serial(run, DeviceKind.EV_CHARGER), "-")));
    }

    private static String describe(SimulatedHome home) {
        HomeSpec spec = home.spec();
        return String.format(
                Locale.ROOT,
                "  %s  %s (%.2f, %.2f)  PV %.1f kWp, battery %.1f kWh / %.1f kW, wallbox %.1f kW",
                home.devices().gridMeter().serial().replaceFirst("-GM$", ""),
                home.location().zone().getId(),
                home.location().latitude(),
                home.location().longitude(),
                spec.pvPeakWatts() / 1000,
                spec.batteryCapacityWattHours() / 1000,
                spec.batteryMaxWatts() / 1000,
                spec.evChargerWatts() / 1000);
    }
}
