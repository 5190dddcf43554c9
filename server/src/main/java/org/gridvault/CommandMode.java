package org.gridvault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs GridVault as a one-off command instead of a server: {@code java -jar gridvault-server.jar
 * --gridvault.command=audit-verify [settings]}. The command is an {@code ApplicationRunner} and
 * {@code ExitCodeGenerator} bean active for its name (such as {@code privacy.cli.AuditVerifyCommand}); it runs
 * against the same database the server uses, with the same settings.
 *
 * <p>In command mode there is no web server and no MQTT, scheduled jobs are off, beans are created only when the
 * command needs them, the console shows warnings and errors only (no log file is written), and the embedded
 * database must already exist and not be in use
 * ({@code gridvault.database.embedded.existing-only}): a mistyped data directory is reported rather than filled
 * with an empty database, and a running server's database is never touched. The telemetry writer and the
 * device-state flusher still start (Spring starts lifecycle beans even when they are lazy), but they are idle: no
 * transport feeds them and, with scheduling off, no device state changes, so they write nothing.
 */
public final class CommandMode {

    /** The setting that names the command. */
    public static final String COMMAND = "gridvault.command";

    /** The exit code when the command could not run at all (as opposed to the command's own verdict). */
    public static final int FAILED = 2;

    /** Settings of command mode, unless the command line gives them; they take precedence over application.yml. */
    private static final Map<String, String> SETTINGS = Map.of(
            "gridvault.mqtt.enabled", "false",
            "gridvault.database.embedded.existing-only", "true",
            "spring.main.lazy-initialization", "true",
            // The console shows the command's output and problems only; the server's log file is left alone.
            "logging.config", "classpath:logback-gridvault-command.xml",
            "logging.level.root", "warn",
            // A failed start is reported in one line (below), not as Spring's stack trace.
            "logging.level.org.springframework.boot.SpringApplication", "off",
            "logging.level.org.springframework.context", "error");

    private CommandMode() {}

    /** Whether the command line names a command. */
    public static boolean requested(String... args) {
        return Arrays.stream(args).anyMatch(arg -> arg.startsWith("--" + COMMAND + "="));
    }

    /** Runs the command named on the command line and returns its exit code. */
    public static int run(String... args) {
        try {
            var context = new SpringApplicationBuilder(GridVaultApplication.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .run(withSettings(args));
            if (context.getBeansOfType(ExitCodeGenerator.class).isEmpty()) {
                System.err.println(
                        "Unknown command: " + context.getEnvironment().getProperty(COMMAND) + ". Known: audit-verify.");
                context.close();
                return FAILED;
            }
            return SpringApplication.exit(context);
        } catch (RuntimeException e) {
            System.err.println("The command could not run: " + rootCause(e).getMessage());
            return FAILED;
        }
    }

    private static String[] withSettings(String... args) {
        var all = new ArrayList<>(List.of(args));
        SETTINGS.forEach((name, value) -> {
            if (all.stream().noneMatch(arg -> arg.startsWith("--" + name + "="))) {
                all.add("--" + name + "=" + value);
            }
        });
        return all.toArray(String[]::new);
    }

    private static Throwable rootCause(Throwable e) {
        var cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
