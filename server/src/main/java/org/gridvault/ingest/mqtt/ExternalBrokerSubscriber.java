package org.gridvault.ingest.mqtt;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gridvault.devices.DeviceCatalog;
import org.gridvault.devices.DeviceIdentity;
import org.gridvault.ingest.PayloadFormat;
import org.gridvault.ingest.Rejection;
import org.gridvault.ingest.TelemetryIntake;
import org.gridvault.telemetry.DeviceStates;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes device messages from an external MQTT 5 broker (Mosquitto, EMQX, HiveMQ) instead of the embedded one.
 *
 * <p>Every GridVault node joins the same shared subscriptions ({@code $share/<group>/gv/v1/+/telemetry} and
 * {@code .../status}), so the broker spreads devices' messages over the nodes and each message reaches exactly one.
 * Messages are acknowledged manually, only once their readings are durable; if storage fails the node reconnects
 * without acknowledging, and the broker delivers the message again. The external broker authenticates devices and
 * must confine each to its own {@code gv/v1/{serial}/} topics (see docs/operations.md).
 */
final class ExternalBrokerSubscriber implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExternalBrokerSubscriber.class);
    /** How long a serial's lookup is remembered; a decommissioned device's messages stop within this time. */
    private static final Duration IDENTITY_CACHE_TIME = Duration.ofMinutes(1);

    private record CachedIdentity(@Nullable DeviceIdentity device, Instant loadedAt) {}

    private final MqttProperties properties;
    private final TelemetryIntake intake;
    private final DeviceCatalog catalog;
    private final DeviceStates states;
    private final Clock clock;
    private final Map<String, CachedIdentity> identities = new ConcurrentHashMap<>();
    private final JsonMapper json = JsonMapper.shared();
    private @Nullable Mqtt5AsyncClient client;

    ExternalBrokerSubscriber(
            MqttProperties properties,
            TelemetryIntake intake,
            DeviceCatalog catalog,
            DeviceStates states,
            Clock clock) {
        this.properties = properties;
        this.intake = intake;
        this.catalog = catalog;
        this.states = states;
        this.clock = clock;
    }

    @Override
    public void start() {
        var url = java.util.Objects.requireNonNull(properties.brokerUrl());
        var builder = Mqtt5Client.builder()
                .identifier(properties.clientId())
                .serverHost(url.getHost())
                .serverPort(url.getPort() > 0 ? url.getPort() : 1883)
                .automaticReconnectWithDefaultConfig();
        if ("ssl".equals(url.getScheme()) || "mqtts".equals(url.getScheme())) {
            builder = builder.sslWithDefaultConfig();
        }
        var async = builder.buildAsync();
        async.publishes(MqttGlobalPublishFilter.SUBSCRIBED, this::handle, true);
        var connect = async.connectWith().cleanStart(false).sessionExpiryInterval(3600);
        if (properties.username() != null) {
            connect = connect.simpleAuth()
                    .username(properties.username())
                    .password(Optional.ofNullable(properties.password())
                            .orElse("")
                            .getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        connect.send().join();
        var group = "$share/" + properties.sharedGroup() + "/";
        async.subscribeWith()
                .addSubscription()
                .topicFilter(group + "gv/v1/+/telemetry")
                .qos(MqttQos.AT_LEAST_ONCE)
                .applySubscription()
                .addSubscription()
                .topicFilter(group + "gv/v1/+/status")
                .qos(MqttQos.AT_LEAST_ONCE)
                .applySubscription()
                .send()
                .join();
        client = async;
        log.info("Subscribed to {} as {} in shared group {}", url, properties.clientId(), properties.sharedGroup());
    }

    private void handle(Mqtt5Publish publish) {
        var topic = DeviceTopics.parse(publish.getTopic().toString()).orElse(null);
        var device = topic == null ? null : identify(topic.serial());
        if (topic == null || device == null) {
            publish.acknowledge();
            return;
        }
        if (topic.channel().equals("status")) {
            var text = new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
            if (text.contains("offline")) {
                states.markOffline(device.id(), "the device (or its will) said it is offline");
            } else if (text.contains("online")) {
                states.markOnline(device.id());
            }
            publish.acknowledge();
            return;
        }
        var format = publish.getContentType()
                        .filter(type -> type.toString().startsWith("application/senml+json"))
                        .isPresent()
                ? PayloadFormat.SENML_JSON
                : PayloadFormat.GRIDVAULT_JSON;
        var result = intake.accept(device, publish.getPayloadAsBytes(), format);
        if (!result.rejections().isEmpty()) {
            publishErrors(topic, result.rejections());
        }
        result.durable().whenComplete((written, failure) -> {
            if (failure == null) {
                publish.acknowledge();
            } else {
                log.warn(
                        "Could not store a message of {}; reconnecting so the broker delivers it again",
                        topic.serial());
                redeliver();
            }
        });
    }

    private @Nullable DeviceIdentity identify(String serial) {
        var now = clock.instant();
        var cached = identities.get(serial);
        if (cached == null || cached.loadedAt().plus(IDENTITY_CACHE_TIME).isBefore(now)) {
            cached = new CachedIdentity(catalog.inService(serial).orElse(null), now);
            identities.put(serial, cached);
        }
        return cached.device();
    }

    private void publishErrors(DeviceTopics topic, List<Rejection> rejections) {
        if (client == null) {
            return;
        }
        client.publishWith()
                .topic(DeviceTopics.of(topic.serial(), "errors"))
                .qos(MqttQos.AT_LEAST_ONCE)
                .contentType("application/json")
                .payload(json.writeValueAsBytes(
                        Map.of("topic", DeviceTopics.of(topic.serial(), topic.channel()), "rejections", rejections)))
                .send();
    }

    private void redeliver() {
        var current = client;
        if (current != null) {
            current.disconnect()
                    .whenComplete((done, failure) -> current.connectWith()
                            .cleanStart(false)
                            .sessionExpiryInterval(3600)
                            .send());
        }
    }

    @Override
    public void stop() {
        if (client != null) {
            client.disconnect().join();
            client = null;
        }
    }

    @Override
    public boolean isRunning() {
        return client != null;
    }

    /** Stops before the telemetry writer, so messages in flight are still written and acknowledged. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }
}
