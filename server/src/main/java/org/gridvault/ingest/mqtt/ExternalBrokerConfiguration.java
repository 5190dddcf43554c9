package org.gridvault.ingest.mqtt;

import java.time.Clock;
import org.gridvault.devices.DeviceCatalog;
import org.gridvault.ingest.TelemetryIntake;
import org.gridvault.telemetry.DeviceStates;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Subscribes to an external MQTT 5 broker when {@code gridvault.mqtt.broker-url} is set (no broker is embedded then). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${gridvault.mqtt.enabled:true} and '${gridvault.mqtt.broker-url:}' != ''")
class ExternalBrokerConfiguration {

    @Bean
    ExternalBrokerSubscriber externalBrokerSubscriber(
            MqttProperties properties,
            TelemetryIntake intake,
            DeviceCatalog catalog,
            DeviceStates states,
            Clock clock) {
        return new ExternalBrokerSubscriber(properties, intake, catalog, states, clock);
    }
}
