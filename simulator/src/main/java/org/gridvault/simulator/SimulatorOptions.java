package org.gridvault.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.gridvault.simulator.mqtt.BrokerAddress;
import org.jspecify.annotations.Nullable;

/** The simulator's command line, parsed and checked. {@code --name value} and {@code --name=value} both work. */
record SimulatorOptions(
        boolean help,
        int homes,
        Duration interval,
        BrokerAddress broker,
        URI api,
        @Nullable String email,
        @Nullable String password,
        long seed,
        double speed,
        @Nullable Duration duration,
        boolean dryRun) {

    static final String PASSWORD_VARIABLE = "GRIDVAULT_SIMULATOR_PASSWORD";

    static final String USAGE = """
            Usage: gridvault simulate [options]

            Simulates homes with PV, battery, grid meter and EV charger, registers them with a GridVault
            through its REST API and publishes their telemetry over MQTT, one connection per device.

            Options:
              --homes N          homes to simulate (default 20)
              --interval D       wall time between readings, like 10s, 1m, 500ms (default 10s)
              --speed X          simulated seconds per wall-clock second (default 1)
              --duration D       stop after this wall time, like 30m or 2h (default: run until Ctrl-C)
              --broker URI       MQTT broker, tcp://host:port or ssl://host:port (default tcp://127.0.0.1:1883)
              --api URL          GridVault base URL (default http://127.0.0.1:8080)
              --email E          account that owns the simulated sites; opened if it does not exist
              --password P       its password (or set GRIDVAULT_SIMULATOR_PASSWORD)
              --seed N           seed for homes, places, habits and weather (default 1)
              --dry-run          register nothing, connect nowhere: print the readings as topic and JSON
              --help             show this text

            Example:
              gridvault simulate --homes 20 --interval 10s --broker tcp://127.0.0.1:1883 \\
                --api http://127.0.0.1:8080 --email sim@example.org --password '...'
            """;

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    static SimulatorOptions parse(String[] args, Map<String, String> environment) {
        boolean help = false;
        boolean dryRun = false;
        int homes = 20;
        Duration interval = Duration.ofSeconds(10);
        var broker = BrokerAddress.parse("tcp://127.0.0.1:1883");
        var api = URI.create("http://127.0.0.1:8080");
        String email = null;
        String password = environment.get(PASSWORD_VARIABLE);
        long seed = 1;
        double speed = 1;
        Duration duration = null;

        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String inline = null;
            int equals = name.indexOf('=');
            if (name.startsWith("--") && equals > 0) {
                inline = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--dry-run" -> dryRun = true;
                case "--homes",
                        "--interval",
                        "--broker",
                        "--api",
                        "--email",
                        "--password",
                        "--seed",
                        "--speed",
                        "--duration" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--homes" -> homes = positiveInt(name, value, 100_000);
                        case "--interval" -> interval = duration(name, value);
                        case "--broker" -> broker = broker(value);
                        case "--api" -> api = api(value);
                        case "--email" -> email = value;
                        case "--password" -> password = value;
                        case "--seed" -> seed = seed(value);
                        case "--speed" -> speed = speed(value);
                        case "--duration" -> duration = duration(name, value);
                        default -> throw new IllegalStateException(name);
                    }
                }
                default -> throw new UsageException("Unknown option '" + args[i] + "'");
            }
        }
        if (!help && !dryRun && (email == null || password == null)) {
            throw new UsageException("--email and --password are needed to register the simulated devices"
                    + " (or --dry-run to print readings without a GridVault)");
        }
        return new SimulatorOptions(help, homes, interval, broker, api, email, password, seed, speed, duration, dryRun);
    }

    /** Parses 500ms, 10s, 1m, 2h, 1d or an ISO-8601 duration such as PT10S. */
    static Duration duration(String option, String value) {
        var matcher = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        Duration parsed = null;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            parsed = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                parsed = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                // reported below
            }
        }
        if (parsed == null || parsed.isNegative() || parsed.isZero()) {
            throw new UsageException(
                    option + " wants a positive duration like 500ms, 10s, 1m or 2h, not '" + value + "'");
        }
        return parsed;
    }

    /** The short form {@link #duration} reads: 500ms, 10s, 1m, 2h. */
    static String shortForm(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    private static int positiveInt(String option, String value, int max) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 1 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " wants a whole number from 1 to " + max + ", not '" + value + "'");
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--seed wants a whole number, not '" + value + "'");
        }
    }

    private static double speed(String value) {
        try {
            double parsed = Double.parseDouble(value.strip());
            if (parsed > 0 && parsed <= 1_000_000) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(
                "--speed wants a positive number of simulated seconds per second (up to 1000000), not '" + value + "'");
    }

    private static BrokerAddress broker(String value) {
        try {
            return BrokerAddress.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--broker: " + e.getMessage());
        }
    }

    private static URI api(String value) {
        try {
            var uri = URI.create(value.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new UsageException("--api wants GridVault's base URL like http://127.0.0.1:8080, not '" + value + "'");
    }
}
