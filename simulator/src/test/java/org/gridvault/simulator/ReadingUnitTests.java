package org.gridvault.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReadingUnitTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesTheDeviceProtocolsTelemetryPayload() {
        var values = new LinkedHashMap<String, Number>();
        values.put("power_w", 1520.5);
        values.put("energy_import_wh", 1_234_567L);
        values.put("voltage_v", 230.1);
        var reading = new Reading("GM-1", DeviceKind.GRID_METER, Instant.parse("2026-11-21T10:15:00Z"), 42, values);

        assertThat(new String(reading.toJson()))
                .isEqualTo("{\"ts\":\"2026-11-21T10:15:00Z\",\"seq\":42,"
                        + "\"values\":{\"power_w\":1520.5,\"energy_import_wh\":1234567,\"voltage_v\":230.1}}");
        assertThat(reading.topic()).isEqualTo("gv/v1/GM-1/telemetry");
    }

    @Test
    void everyDeviceKindsPayloadParsesBackWithItsMetrics() {
        var time = Instant.parse("2026-11-21T10:15:00Z");
        var readings = TestHomes.berlin(4, "H4").readingsAt(time);

        for (Reading reading : readings) {
            JsonNode payload = JSON.readTree(reading.toJson());

            assertThat(payload.path("ts").asString()).isEqualTo("2026-11-21T10:15:00Z");
            assertThat(payload.path("seq").isIntegralNumber()).isTrue();
            assertThat(payload.path("seq").asLong()).isEqualTo(reading.seq());
            assertThat(payload.path("values").propertyNames())
                    .containsExactlyElementsOf(reading.values().keySet());
            reading.values().forEach((name, value) -> {
                JsonNode parsed = payload.path("values").path(name);
                assertThat(parsed.isNumber()).as(name).isTrue();
                assertThat(parsed.isIntegralNumber()).as(name).isEqualTo(name.endsWith("_wh"));
                assertThat(parsed.asDouble()).as(name).isEqualTo(value.doubleValue());
            });
        }
        assertThat(JSON.readTree(readings.get(0).toJson()).path("values").propertyNames())
                .containsExactly("power_w", "energy_import_wh", "energy_export_wh", "voltage_v", "frequency_hz");
        assertThat(JSON.readTree(readings.get(1).toJson()).path("values").propertyNames())
                .containsExactly("power_w", "energy_produced_wh");
        assertThat(JSON.readTree(readings.get(2).toJson()).path("values").propertyNames())
                .containsExactly("power_w", "soc_pct", "energy_charged_wh", "energy_discharged_wh");
        assertThat(JSON.readTree(readings.get(3).toJson()).path("values").propertyNames())
                .containsExactly("power_w", "energy_delivered_wh");
    }
}
