package org.gridvault;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * GridVault: an open-source, privacy-first cloud for distributed energy devices.
 *
 * <p>A modular monolith: every top-level package under {@code org.gridvault} is an application module
 * (see each {@code package-info.java}); {@code ModularityTests} keeps their dependencies pointing one way.
 */
// People and devices authenticate with GridVault's own tokens and secrets: no default in-memory user.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@Modulithic(systemName = "GridVault", sharedModules = "problems")
public class GridVaultApplication {

    private static final String NETTY_LEAK_DETECTION = "io.netty.leakDetection.level";

    public static void main(String[] args) {
        if (CommandMode.requested(args)) {
            System.exit(CommandMode.run(args));
        }
        // The MQTT broker's Netty leak detector records a stack trace for a sample of its buffers: a debugging aid
        // that showed up in the ingest profile. Off unless asked for with -Dio.netty.leakDetection.level=...
        if (System.getProperty(NETTY_LEAK_DETECTION) == null) {
            System.setProperty(NETTY_LEAK_DETECTION, "disabled");
        }
        SpringApplication.run(GridVaultApplication.class, args);
    }

    /**
     * The only source of the current time. Everything that needs "now" injects this bean, so tests can move
     * time explicitly instead of waiting for it.
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Scheduled jobs run in the server only, never in a one-off command ({@link CommandMode}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${" + CommandMode.COMMAND + ":}' == ''")
    @EnableScheduling
    static class Scheduling {}
}
