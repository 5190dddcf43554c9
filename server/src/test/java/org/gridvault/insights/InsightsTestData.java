package org.gridvault.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.gridvault.ApiClient;
import org.gridvault.devices.DeviceId;
import org.gridvault.telemetry.Metric;
import org.gridvault.telemetry.Reading;
import org.gridvault.telemetry.Rollups;
import org.gridvault.telemetry.TelemetryWriter;

/**
 * A home in Berlin with a grid meter, PV, a battery and an EV charger, whose counters are written through the real
 * telemetry writer and rolled up, on Friday 2026-03-20 (UTC+1):
 *
 * <ul>
 *   <li>09:00-10:00 UTC, each quarter hour: PV produces 750 Wh, 300 Wh go into the battery, 150 Wh are exported
 *       (the home uses 300 Wh);
 *   <li>18:00-19:00 UTC, each quarter hour: the battery gives 300 Wh, 150 Wh are imported, the EV charges 300 Wh
 *       (the home uses 150 Wh).
 * </ul>
 */
final class InsightsTestData {

    static final Instant NINE = Instant.parse("2026-03-20T09:00:00Z");
    static final Instant EIGHTEEN = Instant.parse("2026-03-20T18:00:00Z");

    private final ApiClient api;
    private final TelemetryWriter writer;
    private final Rollups rollups;

    InsightsTestData(ApiClient api, TelemetryWriter writer, Rollups rollups) {
        this.api = api;
        this.writer = writer;
        this.rollups = rollups;
    }

    String site(ApiClient.Account owner) {
        var response = api.post(
                "/api/v1/sites",
                owner.token(),
                Map.of("name", "Home " + UUID.randomUUID(), "timeZone", "Europe/Berlin", "region", "eu"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    /** A site with the day described above. */
    String homeWithADay(ApiClient.Account owner) {
        var site = site(owner);
        var meter = device(owner, site, "grid_meter");
        var pv = device(owner, site, "pv_inverter");
        var battery = device(owner, site, "battery");
        var ev = device(owner, site, "ev_charger");
        var readings = new ArrayList<Reading>();
        double imported = 1_000, exported = 2_000, produced = 50_000, charged = 3_000, discharged = 4_000;
        double delivered = 6_000;
        for (var t = NINE; !t.isAfter(EIGHTEEN.plus(Duration.ofHours(1))); t = t.plus(Duration.ofMinutes(5))) {
            readings.add(
                    reading(meter, t, Map.of(Metric.ENERGY_IMPORT_WH, imported, Metric.ENERGY_EXPORT_WH, exported)));
            readings.add(reading(pv, t, Map.of(Metric.ENERGY_PRODUCED_WH, produced)));
            readings.add(reading(
                    battery, t, Map.of(Metric.ENERGY_CHARGED_WH, charged, Metric.ENERGY_DISCHARGED_WH, discharged)));
            readings.add(reading(ev, t, Map.of(Metric.ENERGY_DELIVERED_WH, delivered)));
            if (t.isBefore(NINE.plus(Duration.ofHours(1)))) {
                produced += 250;
                charged += 100;
                exported += 50;
            } else if (!t.isBefore(EIGHTEEN)) {
                discharged += 100;
                imported += 50;
                delivered += 100;
            }
        }
        writer.append(readings).join();
        rollups.rollUpPending();
        return site;
    }

    private DeviceId device(ApiClient.Account owner, String site, String kind) {
        var response = api.post(
                "/api/v1/sites/" + site + "/devices",
                owner.token(),
                Map.of("serialNumber", "SN-" + UUID.randomUUID(), "kind", kind));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return new DeviceId(UUID.fromString(response.json().path("id").asString()));
    }

    private static Reading reading(DeviceId device, Instant t, Map<Metric, Double> values) {
        return Reading.of(device, t, new EnumMap<>(values));
    }
}
