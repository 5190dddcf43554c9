package org.gridvault.web;

import java.time.Instant;
import java.util.List;
import org.gridvault.devices.Device;
import org.gridvault.devices.DeviceKind;
import org.gridvault.telemetry.DeviceStatus;
import org.gridvault.telemetry.Metric;
import org.jspecify.annotations.Nullable;

/**
 * A site's power right now, in W, from the latest {@code power_w} of its online devices, with the sign conventions of
 * the device protocol: solar produces (≥ 0), the battery discharges (+) or charges (−), the grid imports (+) or
 * exports (−), the EV charger delivers (≥ 0). Home is what the balance leaves for the house: solar + battery + grid −
 * EV. A kind without an online device is null (not installed, or silent), so the page does not show a made-up 0.
 *
 * @param batterySocPct the battery's state of charge (mean over online batteries)
 * @param measuredAt the newest measurement time among the values used
 */
record LivePower(
        @Nullable Double solarW,
        @Nullable Double batteryW,
        @Nullable Double batterySocPct,
        @Nullable Double gridW,
        @Nullable Double evW,
        @Nullable Double homeW,
        int devicesOnline,
        int devices,
        @Nullable Instant measuredAt) {

    /** A device with what is known of it now (status absent: it never reported). */
    record Reported(Device device, @Nullable DeviceStatus status) {

        boolean isOnline() {
            return status != null && status.online();
        }
    }

    static LivePower of(List<Reported> devices) {
        var online = devices.stream()
                .filter(Reported::isOnline)
                .filter(reported -> reported.device().inService())
                .toList();
        var solar = sum(online, DeviceKind.PV_INVERTER, Metric.POWER_W);
        var battery = sum(online, DeviceKind.BATTERY, Metric.POWER_W);
        var grid = sum(online, DeviceKind.GRID_METER, Metric.POWER_W);
        var ev = sum(online, DeviceKind.EV_CHARGER, Metric.POWER_W);
        var soc = online.stream()
                .filter(reported -> reported.device().kind() == DeviceKind.BATTERY)
                .map(reported -> reported.status().latest().get(Metric.SOC_PCT))
                .filter(value -> value != null)
                .mapToDouble(Double::doubleValue)
                .average();
        Double home = solar == null && battery == null && grid == null
                ? null
                : Math.max(0, orZero(solar) + orZero(battery) + orZero(grid) - orZero(ev));
        var measuredAt = online.stream()
                .map(reported -> reported.status().lastReadingAt())
                .filter(at -> at != null)
                .max(Instant::compareTo)
                .orElse(null);
        return new LivePower(
                solar,
                battery,
                soc.isPresent() ? soc.getAsDouble() : null,
                grid,
                ev,
                home,
                online.size(),
                (int) devices.stream()
                        .filter(reported -> reported.device().inService())
                        .count(),
                measuredAt);
    }

    private static @Nullable Double sum(List<Reported> online, DeviceKind kind, Metric metric) {
        var values = online.stream()
                .filter(reported -> reported.device().kind() == kind)
                .map(reported -> reported.status().latest().get(metric))
                .filter(value -> value != null)
                .toList();
        return values.isEmpty()
                ? null
                : values.stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double orZero(@Nullable Double value) {
        return value == null ? 0 : value;
    }
}
