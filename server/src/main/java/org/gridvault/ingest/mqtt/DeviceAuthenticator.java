package org.gridvault.ingest.mqtt;

import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.gridvault.devices.DeviceCredentials;
import org.gridvault.devices.DeviceId;
import org.gridvault.devices.DeviceKind;

/**
 * Lets a device connect with its serial as user name and its secret as password, and confines it to its own topics:
 * it may publish telemetry, alarms and status and subscribe to its commands and errors under
 * {@code gv/v1/{serial}/}, and a gateway the same for each child paired with it when it connects. Everything else is
 * denied.
 *
 * <p>A gateway may publish on any serial's telemetry topic as far as the broker is concerned: {@link
 * TelemetryInterceptor} checks each telemetry message against the pairings as they are when it arrives, so a child
 * paired while the gateway is connected can report at once, and one unpaired is refused at once.
 *
 * <p>The credential check needs the database, so it runs off the broker's threads.
 */
final class DeviceAuthenticator implements SimpleAuthenticator {

    private static final List<String> DEVICE_PUBLISHES = List.of("telemetry", "alarms", "status");
    private static final List<String> DEVICE_SUBSCRIBES = List.of("commands", "errors");

    private final DeviceCredentials credentials;
    private final ConnectedDevices devices;
    private final Function<DeviceId, Set<String>> childrenOfGateway;
    private final Executor executor;

    DeviceAuthenticator(
            DeviceCredentials credentials,
            ConnectedDevices devices,
            Function<DeviceId, Set<String>> childrenOfGateway,
            Executor executor) {
        this.credentials = credentials;
        this.devices = devices;
        this.childrenOfGateway = childrenOfGateway;
        this.executor = executor;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        var connect = input.getConnectPacket();
        var serial = connect.getUserName().orElse(null);
        var password = connect.getPassword()
                .map(buffer -> StandardCharsets.UTF_8.decode(buffer.duplicate()).toString())
                .orElse(null);
        if (serial == null || password == null) {
            output.failAuthentication(
                    ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD,
                    "Connect with the device serial as user name and its secret as password");
            return;
        }
        var async = output.async(Duration.ofSeconds(10), TimeoutFallback.FAILURE, ConnackReasonCode.SERVER_UNAVAILABLE);
        executor.execute(() -> {
            try {
                var device = credentials.authenticate(serial, password);
                if (device.isEmpty()) {
                    output.failAuthentication(
                            ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "Unknown serial or wrong secret");
                    return;
                }
                devices.remember(input.getConnectionInformation().getConnectionAttributeStore(), device.get());
                var permissions = output.getDefaultPermissions();
                permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
                permissions.addAll(permissionsFor(serial));
                if (device.get().kind() == DeviceKind.GATEWAY) {
                    permissions.add(Builders.topicPermission()
                            .topicFilter(DeviceTopics.of("+", "telemetry"))
                            .activity(TopicPermission.MqttActivity.PUBLISH)
                            .type(TopicPermission.PermissionType.ALLOW)
                            .build());
                    childrenOfGateway
                            .apply(device.get().id())
                            .forEach(child -> permissions.addAll(permissionsFor(child)));
                }
                output.authenticateSuccessfully();
            } catch (RuntimeException e) {
                output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "Try again later");
            } finally {
                async.resume();
            }
        });
    }

    private static List<TopicPermission> permissionsFor(String serial) {
        var permissions = new ArrayList<TopicPermission>();
        for (var channel : DEVICE_PUBLISHES) {
            permissions.add(Builders.topicPermission()
                    .topicFilter(DeviceTopics.of(serial, channel))
                    .activity(TopicPermission.MqttActivity.PUBLISH)
                    .type(TopicPermission.PermissionType.ALLOW)
                    .build());
        }
        for (var channel : DEVICE_SUBSCRIBES) {
            permissions.add(Builders.topicPermission()
                    .topicFilter(DeviceTopics.of(serial, channel))
                    .activity(TopicPermission.MqttActivity.SUBSCRIBE)
                    .type(TopicPermission.PermissionType.ALLOW)
                    .build());
        }
        return permissions;
    }
}
