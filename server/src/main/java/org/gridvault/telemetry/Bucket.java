package org.gridvault.telemetry;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The rolled-up values of one device in one bucket.
 *
 * @param start where the bucket starts
 * @param samples how many readings fall into it
 * @param energy energy in Wh per counter metric; a metric is absent when the device has no such counter here
 * @param resets the counters that restarted from zero here
 * @param rollovers the counters that wrapped around their limit here
 * @param gauges statistics per gauge metric reported here
 */
record Bucket(
        Instant start,
        int samples,
        Map<Metric, Long> energy,
        Set<Metric> resets,
        Set<Metric> rollovers,
        Map<Metric, GaugeStats> gauges) {

    Bucket {
        energy = Map.copyOf(energy);
        resets = Set.copyOf(resets);
        rollovers = Set.copyOf(rollovers);
        gauges = Map.copyOf(gauges);
    }

    boolean isEmpty() {
        return samples == 0 && energy.isEmpty();
    }
}
