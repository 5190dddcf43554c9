/**
 * Registers a simulated fleet with any GridVault through its public REST API: account, one site per home, four
 * devices per site. Plans where the homes are, deterministically for a seed.
 */
@NullMarked
package org.gridvault.simulator.provisioning;

import org.jspecify.annotations.NullMarked;
