package org.gridvault.ingest.mqtt;

import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the MQTT transport.
 *
 * @param enabled whether devices can report over MQTT at all
 * @param brokerUrl an external MQTT 5 broker ({@code tcp://host:1883}); when set, no broker is embedded and GridVault
 *     subscribes to that broker with shared subscriptions instead
 * @param bindAddress the address the embedded broker listens on
 * @param port the embedded broker's plain MQTT port
 * @param tlsPort the embedded broker's MQTT-over-TLS port, used when {@code keyStore} is set
 * @param keyStore a JKS or PKCS#12 key store with the broker's certificate; enables TLS
 * @param keyStorePassword the key store's password
 * @param privateKeyPassword the private key's password (often the same)
 * @param dataDirectory where the embedded broker keeps sessions and queued messages
 * @param persistence {@code file} (survives restarts) or {@code in-memory}
 * @param sharedGroup the shared-subscription group GridVault nodes join on an external broker
 * @param clientId this node's client id on an external broker (unique per node)
 * @param username user name on an external broker, if it requires one
 * @param password password on an external broker
 */
@ConfigurationProperties("gridvault.mqtt")
public record MqttProperties(
        @DefaultValue("true") boolean enabled,
        @Nullable URI brokerUrl,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("1883") int port,
        @DefaultValue("8883") int tlsPort,
        @Nullable Path keyStore,
        @DefaultValue("") String keyStorePassword,
        @DefaultValue("") String privateKeyPassword,
        @DefaultValue("./var/mqtt") Path dataDirectory,
        @DefaultValue("file") String persistence,
        @DefaultValue("gridvault") String sharedGroup,
        @DefaultValue("gridvault-node") String clientId,
        @Nullable String username,
        @Nullable String password) {

    boolean embedded() {
        return enabled && brokerUrl == null;
    }
}
