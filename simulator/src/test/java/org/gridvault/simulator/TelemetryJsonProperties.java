package org.gridvault.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import tools.jackson.databind.json.JsonMapper;

class TelemetryJsonProperties {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Property(tries = 200)
    void payloadsParseBackToTheSameTimeSequenceAndValues(
            @ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long epochMillis,
            @ForAll @LongRange(min = 0) long seq,
            @ForAll @DoubleRange(min = -1e7, max = 1e7) double power,
            @ForAll @LongRange(min = 0) long counter) {
        var values = new LinkedHashMap<String, Number>();
        values.put("power_w", power);
        values.put("energy_import_wh", counter);
        var time = Instant.ofEpochMilli(epochMillis);

        var payload = JSON.readTree(new Reading("S", DeviceKind.GRID_METER, time, seq, values).toJson());

        assertThat(Instant.parse(payload.path("ts").asString())).isEqualTo(time);
        assertThat(payload.path("seq").asLong()).isEqualTo(seq);
        assertThat(payload.path("values").path("power_w").asDouble()).isEqualTo(power);
        assertThat(payload.path("values").path("energy_import_wh").asLong()).isEqualTo(counter);
    }
}
