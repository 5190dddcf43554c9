package org.gridvault.simulator;

import java.util.concurrent.CompletableFuture;

/**
 * Where a fleet's readings go: an MQTT broker ({@code org.gridvault.simulator.mqtt.MqttReadingSink}), the server's
 * own ingest path when it runs the simulator in-process, or a list in a test.
 */
@FunctionalInterface
public interface ReadingSink {

    /**
     * Hands over one reading. The future completes when the reading is delivered (for MQTT at QoS 1: acknowledged by
     * the broker) and completes exceptionally when it is not. Must not block; may be called from several threads.
     */
    CompletableFuture<Void> publish(Reading reading);
}
