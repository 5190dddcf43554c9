package org.gridvault.simulator.home;

/** What a home's energy meters count, as its devices publish them: where a restarted home continues from. */
public record Counters(
        double pvProducedWattHours,
        double gridImportWattHours,
        double gridExportWattHours,
        double batteryChargedWattHours,
        double batteryDischargedWattHours,
        double evDeliveredWattHours) {}
