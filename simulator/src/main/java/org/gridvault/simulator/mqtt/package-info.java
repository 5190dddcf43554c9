/** Publishes readings over MQTT, one connection per device, as real devices would. */
@NullMarked
package org.gridvault.simulator.mqtt;

import org.jspecify.annotations.NullMarked;
