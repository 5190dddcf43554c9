package org.gridvault.simulator;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/** Writes a {@link Reading} in the device protocol's JSON with Jackson's streaming generator. */
final class TelemetryJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private TelemetryJson() {}

    static byte[] encode(Reading reading) {
        var out = new ByteArrayOutputStream(192);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("ts", reading.time().toString());
            json.writeNumberProperty("seq", reading.seq());
            json.writeObjectPropertyStart("values");
            for (Map.Entry<String, Number> value : reading.values().entrySet()) {
                if (value.getValue() instanceof Long counter) {
                    json.writeNumberProperty(value.getKey(), counter.longValue());
                } else {
                    json.writeNumberProperty(value.getKey(), value.getValue().doubleValue());
                }
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        return out.toByteArray();
    }
}
