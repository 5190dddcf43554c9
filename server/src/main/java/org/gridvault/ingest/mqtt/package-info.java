/**
 * MQTT transport: the embedded HiveMQ broker with GridVault's device authentication, topic permissions and telemetry
 * interception, or a subscriber to an external MQTT 5 broker.
 */
@NullMarked
package org.gridvault.ingest.mqtt;

import org.jspecify.annotations.NullMarked;
