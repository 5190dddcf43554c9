package org.gridvault.ingest.mqtt;

import java.util.Optional;

/**
 * The topic tree of the device protocol: {@code gv/v1/{serial}/{channel}}.
 *
 * @param serial the device the message is about
 * @param channel telemetry, alarms, status (device to cloud), commands, errors (cloud to device)
 */
record DeviceTopics(String serial, String channel) {

    static final String PREFIX = "gv/v1/";

    static Optional<DeviceTopics> parse(String topic) {
        if (!topic.startsWith(PREFIX)) {
            return Optional.empty();
        }
        var rest = topic.substring(PREFIX.length());
        var slash = rest.indexOf('/');
        if (slash <= 0 || rest.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new DeviceTopics(rest.substring(0, slash), rest.substring(slash + 1)));
    }

    static String of(String serial, String channel) {
        return PREFIX + serial + "/" + channel;
    }
}
