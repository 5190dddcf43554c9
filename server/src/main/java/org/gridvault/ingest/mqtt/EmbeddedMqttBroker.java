package org.gridvault.ingest.mqtt;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The MQTT broker devices connect to when no external broker is configured: HiveMQ Community Edition running inside
 * GridVault (MQTT 3.1.1 and 5), with {@link GridVaultBrokerExtension} deciding who may connect and where telemetry
 * goes. Listens on {@code port}, and on {@code tlsPort} when a key store is configured.
 */
final class EmbeddedMqttBroker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMqttBroker.class);

    private final MqttProperties properties;
    private final ExtensionMain extension;
    private @Nullable EmbeddedHiveMQ broker;

    EmbeddedMqttBroker(MqttProperties properties, ExtensionMain extension) {
        this.properties = properties;
        this.extension = extension;
    }

    @Override
    public void start() {
        try {
            var root = properties.dataDirectory().toAbsolutePath();
            var conf = Files.createDirectories(root.resolve("conf"));
            Files.writeString(conf.resolve("config.xml"), configuration());
            broker = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(Files.createDirectories(root.resolve("data")))
                    .withExtensionsFolder(Files.createDirectories(root.resolve("extensions")))
                    .withEmbeddedExtension(EmbeddedExtension.builder()
                            .withId("gridvault")
                            .withName("GridVault devices")
                            .withVersion("1")
                            .withPriority(1000)
                            .withStartPriority(1000)
                            .withAuthor("GridVault")
                            .withExtensionMain(extension)
                            .build())
                    .withoutLoggingBootstrap()
                    .build();
            broker.start().join();
            log.info(
                    "MQTT broker listening on {}:{}{}",
                    properties.bindAddress(),
                    properties.port(),
                    properties.keyStore() == null ? "" : " and TLS on " + properties.tlsPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the MQTT broker's directories", e);
        }
    }

    @Override
    public void stop() {
        if (broker != null) {
            try {
                broker.close();
            } catch (ExecutionException e) {
                log.warn("The MQTT broker did not stop cleanly", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            broker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return broker != null;
    }

    /** Stops before the telemetry writer, and after anything that publishes to it from inside (the demo fleet). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }

    private String configuration() {
        var tls = properties.keyStore() == null
                ? ""
                : """
                        <tls-tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                            <tls>
                                <keystore>
                                    <path>%s</path>
                                    <password>%s</password>
                                    <private-key-password>%s</private-key-password>
                                </keystore>
                            </tls>
                        </tls-tcp-listener>
                """.formatted(
                                properties.tlsPort(),
                                xml(properties.bindAddress()),
                                xml(properties.keyStore().toAbsolutePath().toString()),
                                xml(properties.keyStorePassword()),
                                xml(properties.privateKeyPassword()));
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                %s    </listeners>
                    <persistence>
                        <mode>%s</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(properties.port(), xml(properties.bindAddress()), tls, xml(properties.persistence()));
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
