package org.gridvault.simulator.home;

import java.time.Instant;

/**
 * A home at one instant: average powers over the last step (W) and cumulative counters (Wh, never decreasing).
 * Battery power is positive when discharging; grid power positive when importing. Energy balance holds for every
 * step: {@code gridImport − gridExport = load + ev + batteryCharged − pvProduced − batteryDischarged}.
 */
public record HomeState(
        Instant time,
        double pvWatts,
        double loadWatts,
        double evWatts,
        double batteryWatts,
        double gridWatts,
        double batterySocPercent,
        double pvProducedWattHours,
        double loadConsumedWattHours,
        double evDeliveredWattHours,
        double batteryChargedWattHours,
        double batteryDischargedWattHours,
        double gridImportWattHours,
        double gridExportWattHours,
        double gridVolts,
        double gridHertz) {}
