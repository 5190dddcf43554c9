package org.gridvault.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the demo.
 *
 * @param simulatedHomes homes (grid meter, PV, battery, EV charger each) that report live over MQTT; Alice's home is
 *     the first, the others belong to further demo owners who granted SunnyFit Installers access
 * @param historyDays days of history written for the simulated homes when the demo data is first created, so charts
 *     have something to show at once
 * @param reportingInterval how often each simulated device reports
 */
@Validated
@ConfigurationProperties("gridvault.demo")
record DemoProperties(
        @DefaultValue("20") @Min(0) @Max(200) int simulatedHomes,
        @DefaultValue("7") @Min(0) @Max(400) int historyDays,
        @DefaultValue("10s") Duration reportingInterval) {}
