package org.gridvault.telemetry;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's {@code @Scheduled} methods, for the rollup worker ({@link Rollups}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TelemetryScheduling {}
