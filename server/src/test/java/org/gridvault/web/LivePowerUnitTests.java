package org.gridvault.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gridvault.devices.Device;
import org.gridvault.devices.DeviceId;
import org.gridvault.devices.DeviceKind;
import org.gridvault.sites.SiteId;
import org.gridvault.telemetry.DeviceStatus;
import org.gridvault.telemetry.Metric;
import org.gridvault.web.LivePower.Reported;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class LivePowerUnitTests {

    private static final Instant NOW = Instant.parse("2026-03-26T12:00:00Z");
    private static final SiteId SITE = SiteId.random();

    @Test
    void homeIsWhatSolarBatteryAndGridSupplyLessTheVehicle() {
        var live = LivePower.of(List.of(
                reported(DeviceKind.PV_INVERTER, true, Map.of(Metric.POWER_W, 3_000.0)),
                reported(DeviceKind.BATTERY, true, Map.of(Metric.POWER_W, -1_000.0, Metric.SOC_PCT, 50.0)),
                reported(DeviceKind.GRID_METER, true, Map.of(Metric.POWER_W, 400.0)),
                reported(DeviceKind.EV_CHARGER, true, Map.of(Metric.POWER_W, 1_100.0))));

        assertThat(live.solarW()).isEqualTo(3_000.0);
        assertThat(live.homeW()).isEqualTo(1_300.0);
        assertThat(live.batterySocPct()).isEqualTo(50.0);
        assertThat(live.devicesOnline()).isEqualTo(4);
    }

    @Test
    void offlineAndSilentDevicesCountForNothingAndAMissingKindIsUnknownNotZero() {
        var live = LivePower.of(List.of(
                reported(DeviceKind.PV_INVERTER, false, Map.of(Metric.POWER_W, 3_000.0)),
                reported(DeviceKind.GRID_METER, true, Map.of(Metric.POWER_W, 700.0)),
                new Reported(device(DeviceKind.EV_CHARGER), null)));

        assertThat(live.solarW()).isNull();
        assertThat(live.evW()).isNull();
        assertThat(live.batteryW()).isNull();
        assertThat(live.homeW()).isEqualTo(700.0);
        assertThat(live.devicesOnline()).isEqualTo(1);
        assertThat(live.devices()).isEqualTo(3);
    }

    @Test
    void withNoSourceOnlineHomeIsUnknown() {
        assertThat(LivePower.of(List.of()).homeW()).isNull();
    }

    private static Reported reported(DeviceKind kind, boolean online, Map<Metric, Double> latest) {
        var device = device(kind);
        return new Reported(device, status(device, online, latest));
    }

    private static Device device(DeviceKind kind) {
        return new Device(DeviceId.random(), SITE, "SN-" + kind, kind, null, null, null, null, NOW, null);
    }

    private static @Nullable DeviceStatus status(Device device, boolean online, Map<Metric, Double> latest) {
        return new DeviceStatus(device.id(), online, NOW, NOW, NOW, latest, 0, 0);
    }
}
