package org.gridvault.ingest.mqtt;

import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.gridvault.ingest.Rejection;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells a device what was wrong with its message, on {@code gv/v1/{serial}/errors}:
 * {@code {"topic": "...", "rejections": [{"record": 0, "metric": "power_w", "code": "...", "reason": "..."}]}}.
 */
final class DeviceErrors {

    private final JsonMapper json = JsonMapper.shared();

    void publish(String serial, String topic, List<Rejection> rejections) {
        var payload = json.writeValueAsBytes(Map.of("topic", topic, "rejections", rejections));
        Services.publishService()
                .publish(Builders.publish()
                        .topic(DeviceTopics.of(serial, "errors"))
                        .qos(Qos.AT_LEAST_ONCE)
                        .contentType("application/json")
                        .payload(ByteBuffer.wrap(payload))
                        .build());
    }
}
