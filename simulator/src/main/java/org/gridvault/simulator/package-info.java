/**
 * Fleet simulator: realistic homes (PV, battery, grid meter, EV charger) that report to any GridVault over MQTT or
 * HTTP, with real cumulative counters. Runs outside the server, as devices would.
 */
@NullMarked
package org.gridvault.simulator;

import org.jspecify.annotations.NullMarked;
