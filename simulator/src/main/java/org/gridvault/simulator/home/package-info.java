/**
 * The physics of a simulated home: sun, clouds, PV array, household load, battery, EV charger and grid meter, driven
 * by simulated time that the caller steps. Deterministic for a seed; never reads the wall clock. Knows nothing about
 * MQTT, JSON or GridVault's API.
 */
@NullMarked
package org.gridvault.simulator.home;

import org.jspecify.annotations.NullMarked;
