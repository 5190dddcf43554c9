package org.gridvault.ingest.mqtt;

import java.util.concurrent.Executors;
import org.gridvault.devices.Device;
import org.gridvault.devices.DeviceCatalog;
import org.gridvault.devices.DeviceCredentials;
import org.gridvault.ingest.IngestProperties;
import org.gridvault.ingest.TelemetryIntake;
import org.gridvault.telemetry.DeviceStates;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded broker, unless MQTT is off or an external broker is configured (see {@link ExternalBrokerConfiguration}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${gridvault.mqtt.enabled:true} and '${gridvault.mqtt.broker-url:}' == ''")
class MqttConfiguration {

    @Bean
    ConnectedDevices connectedDevices() {
        return new ConnectedDevices();
    }

    @Bean
    ConnectionStatusListener connectionStatusListener(DeviceStates states, ConnectedDevices devices) {
        return new ConnectionStatusListener(states, devices);
    }

    @Bean
    RevokedDeviceConnections revokedDeviceConnections(ConnectionStatusListener connections) {
        return new RevokedDeviceConnections(connections);
    }

    @Bean
    EmbeddedMqttBroker embeddedMqttBroker(
            MqttProperties properties,
            DeviceCredentials credentials,
            DeviceCatalog catalog,
            TelemetryIntake intake,
            DeviceStates states,
            IngestProperties ingest,
            ConnectionStatusListener connections,
            ConnectedDevices devices) {
        var authenticator = new DeviceAuthenticator(
                credentials,
                devices,
                gateway -> catalog.childrenOf(gateway).stream()
                        .map(Device::serialNumber)
                        .collect(java.util.stream.Collectors.toSet()),
                Executors.newVirtualThreadPerTaskExecutor());
        var interceptor =
                new TelemetryInterceptor(intake, states, devices, new DeviceErrors(), ingest.durableTimeout());
        var extension = new GridVaultBrokerExtension(authenticator, interceptor, connections);
        return new EmbeddedMqttBroker(properties, extension);
    }
}
