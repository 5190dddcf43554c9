package org.gridvault.insights;

import java.util.ArrayList;
import org.gridvault.accounts.PersonId;
import org.gridvault.sites.SiteId;
import org.gridvault.telemetry.TimeBound;
import org.springframework.stereotype.Service;

/**
 * A site's energy flows per interval: from solar, the grid and the battery to the home, the EV, the battery and the
 * grid, with self-sufficiency and self-consumption (see docs/energy-flows.md).
 *
 * <p>Each quarter hour's measured energy (from {@link org.gridvault.telemetry.SiteEnergy}) is decomposed by the
 * rules of {@link Flows#of}; longer intervals and the period total are sums of quarter hours, so a day's flows show
 * the battery storing noon's solar for the evening rather than netting it out. Parameters and errors are those of
 * {@code GET /api/v1/sites/{siteId}/energy} ({@code PT15M}, {@code PT1H}, {@code P1D}, {@code P1M}; days and months
 * in the site's zone), with codes under {@code insights:}. The caller must be able to see the site (404 otherwise).
 * Thread-safe.
 *
 * <pre>{@code
 * var week = flows.flows(person, site, TimeBound.parse("2026-03-23", "from"), TimeBound.parse("2026-03-30", "to"), "P1D");
 * long solarToBattery = week.total().flows().solarToBatteryWh();
 * }</pre>
 */
@Service
public class EnergyFlows {

    private final QuarterHours quarterHours;

    EnergyFlows(QuarterHours quarterHours) {
        this.quarterHours = quarterHours;
    }

    /** @param interval {@code PT15M}, {@code PT1H}, {@code P1D} or {@code P1M} */
    public SiteFlows flows(PersonId person, SiteId site, TimeBound from, TimeBound to, String interval) {
        var read = quarterHours.read(person, site, from, to, interval);
        var intervals = new ArrayList<FlowInterval>(read.periods().size());
        var totalMeasured = MeasuredEnergy.NONE;
        var totalFlows = Flows.NONE;
        for (var period : read.periods()) {
            var measured = MeasuredEnergy.NONE;
            var flows = Flows.NONE;
            for (var quarter : period.quarters()) {
                var energy = MeasuredEnergy.of(quarter);
                measured = measured.plus(energy);
                flows = flows.plus(Flows.of(energy));
            }
            intervals.add(FlowInterval.of(period.start(), period.end(), measured, flows));
            totalMeasured = totalMeasured.plus(measured);
            totalFlows = totalFlows.plus(flows);
        }
        var start = intervals.isEmpty() ? read.from() : intervals.getFirst().start();
        var end = intervals.isEmpty() ? read.to() : intervals.getLast().end();
        return new SiteFlows(intervals, FlowInterval.of(start, end, totalMeasured, totalFlows));
    }
}
