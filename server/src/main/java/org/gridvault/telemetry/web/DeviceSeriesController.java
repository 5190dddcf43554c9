package org.gridvault.telemetry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.devices.DeviceId;
import org.gridvault.telemetry.DeviceSeries;
import org.gridvault.telemetry.SeriesPoint;
import org.gridvault.telemetry.TimeBound;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Telemetry", description = "Measurements of devices and the energy of sites")
@RestController
class DeviceSeriesController {

    private final DeviceSeries series;

    DeviceSeriesController(DeviceSeries series) {
        this.series = series;
    }

    @Operation(summary = "One metric of a device over time", description = """
                    Without `interval`, the raw readings `[{ts, value}]` (for ranges up to one day). With `interval` \
                    (PT5M, PT15M, PT1H: UTC buckets; P1D, P1M: days and months in the site's time zone), one point per \
                    interval that has data, oldest first: `[{start, avg, min, max}]` for gauges such as power_w (the \
                    average is per reading), `[{start, energyWh}]` for counters such as energy_import_wh (the energy in \
                    the interval, whole Wh). `from` and `to` are instants (2026-03-29T10:00:00Z) or dates (2026-03-29, \
                    the local midnight of the device's site); `to` is exclusive. At most 10,000 intervals. Errors: 422 \
                    telemetry:metric.unknown, telemetry:interval.unsupported, telemetry:interval.required, \
                    telemetry:range.invalid, telemetry:range.too-large, telemetry:time.invalid; 404 when you cannot \
                    see the device.""")
    @GetMapping("/api/v1/devices/{deviceId}/series")
    List<SeriesPoint> series(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @PathVariable UUID deviceId,
            @Parameter(description = "A metric of the catalog, such as power_w or energy_import_wh") @RequestParam
                    String metric,
            @Parameter(description = "Start (inclusive): an instant or a date") @RequestParam String from,
            @Parameter(description = "End (exclusive): an instant or a date") @RequestParam String to,
            @Parameter(description = "PT5M, PT15M, PT1H, P1D or P1M; absent for raw readings")
                    @RequestParam(required = false)
                    @Nullable
                    String interval) {
        return series.series(
                me.id(),
                new DeviceId(deviceId),
                metric,
                TimeBound.parse(from, "from"),
                TimeBound.parse(to, "to"),
                interval);
    }
}
