package org.gridvault.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Command-line options of the form {@code --name=value}; every option has a default, so a bare run works. */
record Arguments(Map<String, String> values) {

    static Arguments parse(String[] args) {
        var values = new HashMap<String, String>();
        for (var arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options look like --name=value; got " + arg);
            }
            var equals = arg.indexOf('=');
            values.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return new Arguments(Map.copyOf(values));
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name).replace("_", "")) : fallback;
    }

    /** {@code --work-dir}, or a new directory under the system temp directory (created only when none is given). */
    java.nio.file.Path workDirectory(String prefix) throws java.io.IOException {
        var given = values.get("work-dir");
        return given != null ? java.nio.file.Path.of(given) : java.nio.file.Files.createTempDirectory(prefix);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    /** ISO-8601 ({@code PT5M}) or a number with a unit: {@code 90s}, {@code 5m}, {@code 1h}. */
    Duration duration(String name, Duration fallback) {
        var text = values.get(name);
        if (text == null) {
            return fallback;
        }
        if (text.startsWith("P") || text.startsWith("p")) {
            return Duration.parse(text);
        }
        var amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("Use 90s, 5m, 1h or PT5M for --" + name);
        };
    }
}
