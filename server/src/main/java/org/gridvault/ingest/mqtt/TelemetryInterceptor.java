package org.gridvault.ingest.mqtt;

import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.gridvault.ingest.PayloadFormat;
import org.gridvault.ingest.TelemetryIntake;
import org.gridvault.telemetry.DeviceStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes devices' telemetry and status messages out of the broker.
 *
 * <p>A telemetry message is decoded and stored, and only when its readings are durable does the broker acknowledge it
 * (QoS 1 PUBACK): the interceptor holds the message asynchronously until then. If storage fails, the message is
 * refused, so the device sends it again. Rejected values are explained on {@code gv/v1/{serial}/errors}. Status
 * messages mark the device online or offline.
 *
 * <p>A stored message is let through to the broker's own publish path rather than dropped, because only that path
 * sends the PUBACK past HiveMQ's {@code PublishFlowHandler}, which then forgets the packet identifier. A dropped
 * message's PUBACK bypasses that handler, which kept every identifier for as long as the connection lived. No device
 * may subscribe to telemetry, so the publish reaches no one, and an MQTT 5 device's PUBACK says so: "no matching
 * subscribers" (0x10), a success code. Its retain flag is cleared so that the broker keeps no copy of the readings.
 */
final class TelemetryInterceptor implements PublishInboundInterceptor {

    private static final Logger log = LoggerFactory.getLogger(TelemetryInterceptor.class);

    private final TelemetryIntake intake;
    private final DeviceStates states;
    private final ConnectedDevices devices;
    private final DeviceErrors errors;
    private final Duration durableTimeout;

    TelemetryInterceptor(
            TelemetryIntake intake,
            DeviceStates states,
            ConnectedDevices devices,
            DeviceErrors errors,
            Duration durableTimeout) {
        this.intake = intake;
        this.states = states;
        this.devices = devices;
        this.errors = errors;
        this.durableTimeout = durableTimeout;
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        var packet = input.getPublishPacket();
        var topic = DeviceTopics.parse(packet.getTopic()).orElse(null);
        var sender = devices.of(input.getConnectionInformation().getConnectionAttributeStore())
                .orElse(null);
        if (topic == null || sender == null) {
            return;
        }
        var payload = packet.getPayload().map(TelemetryInterceptor::bytes).orElse(new byte[0]);
        switch (topic.channel()) {
            case "telemetry" -> {
                // Interceptors run before the broker's own topic permissions, so the sender is checked here too.
                if (!intake.mayReportFor(sender, topic.serial())) {
                    output.preventPublishDelivery(
                            AckReasonCode.NOT_AUTHORIZED, "You may publish only under your own serial");
                    return;
                }
                var format = packet.getContentType()
                                .filter(type -> type.startsWith("application/senml+json"))
                                .isPresent()
                        ? PayloadFormat.SENML_JSON
                        : PayloadFormat.GRIDVAULT_JSON;
                if (packet.getRetain()) {
                    output.getPublishPacket().setRetain(false);
                }
                var result = intake.accept(sender, topic.serial(), payload, format);
                if (!result.rejections().isEmpty()) {
                    errors.publish(topic.serial(), packet.getTopic(), result.rejections());
                }
                var async = output.async(
                        durableTimeout.plusSeconds(1),
                        TimeoutFallback.FAILURE,
                        AckReasonCode.UNSPECIFIED_ERROR,
                        "Storage did not answer in time; send again");
                result.durable().whenComplete((written, failure) -> {
                    if (failure != null) {
                        log.debug("Refusing a message of {}: {}", topic.serial(), failure.toString());
                        output.preventPublishDelivery(AckReasonCode.UNSPECIFIED_ERROR, "Storage is busy; send again");
                    }
                    async.resume();
                });
            }
            case "status" -> {
                if (!topic.serial().equals(sender.serialNumber())) {
                    return;
                }
                var text = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
                if (text.contains("offline")) {
                    states.markOffline(sender.id(), "the device said it is offline");
                } else if (text.contains("online")) {
                    states.markOnline(sender.id());
                }
            }
            default -> {
                // alarms are delivered to subscribers as published until the alarms module takes them
            }
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        var copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
