package org.gridvault.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Decodes SenML JSON (RFC 8428, {@code application/senml+json}), for devices that already speak it.
 *
 * <p>Each SenML record carries one value; records that resolve to the same device and time become one reading. The
 * resolved name ({@code bn + n}) is a metric name, or {@code "<child serial>/<metric>"} for a gateway's child. Times
 * are seconds ({@code bt + t}); values below 2^28 are relative to now, as the RFC says. Only numeric values ({@code v})
 * are measurements here; {@code vs}, {@code vb} and {@code vd} are rejected per record.
 */
final class SenmlDecoder {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    /** RFC 8428 §4.5.3: times below this are relative to the current time. */
    private static final double RELATIVE_TIME_LIMIT = 268_435_456;

    private record Key(@Nullable String child, Instant ts) {}

    private record Entry(
            int index,
            @Nullable String name,
            @Nullable Double time,
            @Nullable Double value,
            @Nullable String otherType) {}

    private final Clock clock;

    SenmlDecoder(Clock clock) {
        this.clock = clock;
    }

    DecodedPayload decode(byte[] payload) {
        var entries = new ArrayList<Entry>();
        var rejections = new ArrayList<Rejection>();
        String baseName = "";
        double baseTime = 0;
        try (var parser = FACTORY.createParser(ObjectReadContext.empty(), payload)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return DecodedPayload.rejected(
                        Rejection.ofPayload("telemetry:payload.malformed", "A SenML pack is a JSON array of records."));
            }
            int index = 0;
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
                String name = null;
                Double time = null;
                Double value = null;
                String otherType = null;
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    var field = parser.currentName();
                    var valueToken = parser.nextToken();
                    switch (field) {
                        case "bn" -> baseName = valueToken == JsonToken.VALUE_STRING ? parser.getString() : baseName;
                        case "bt" -> baseTime = valueToken.isNumeric() ? parser.getDoubleValue() : baseTime;
                        case "n" -> name = valueToken == JsonToken.VALUE_STRING ? parser.getString() : null;
                        case "t" -> time = valueToken.isNumeric() ? parser.getDoubleValue() : null;
                        case "v" -> value = valueToken.isNumeric() ? parser.getDoubleValue() : null;
                        case "vs", "vb", "vd" -> otherType = field;
                        default -> {}
                    }
                    // A structured value is skipped whole, so its content is not read as fields of the record.
                    parser.skipChildren();
                }
                entries.add(new Entry(
                        index,
                        baseName + (name == null ? "" : name),
                        baseTime + (time == null ? 0 : time),
                        value,
                        otherType));
                index++;
            }
            if (token != JsonToken.END_ARRAY) {
                return DecodedPayload.rejected(
                        Rejection.ofPayload("telemetry:payload.malformed", "Each SenML record must be a JSON object."));
            }
            if (parser.nextToken() != null) {
                return DecodedPayload.rejected(
                        Rejection.ofPayload("telemetry:payload.malformed", "Unexpected content after the SenML pack."));
            }
        } catch (JacksonException e) {
            return DecodedPayload.rejected(Rejection.ofPayload(
                    "telemetry:payload.malformed", "The payload is not valid JSON: " + e.getOriginalMessage()));
        }
        return group(entries, rejections);
    }

    private DecodedPayload group(List<Entry> entries, List<Rejection> rejections) {
        var now = clock.instant();
        var grouped = new LinkedHashMap<Key, RecordValues>();
        var firstIndex = new LinkedHashMap<Key, Integer>();
        for (var entry : entries) {
            var resolved = entry.name() == null ? "" : entry.name();
            var slash = resolved.lastIndexOf('/');
            var child = slash > 0 ? resolved.substring(0, slash) : null;
            var metric = slash >= 0 ? resolved.substring(slash + 1) : resolved;
            if (metric.isEmpty()) {
                rejections.add(Rejection.ofRecord(
                        entry.index(), "telemetry:record.invalid", "Give each SenML record a name (bn + n)."));
                continue;
            }
            var seconds = entry.time() == null ? 0 : entry.time();
            var ts = seconds < RELATIVE_TIME_LIMIT
                    ? now.plusNanos((long) (seconds * 1e9))
                    : Instant.ofEpochMilli(Math.round(seconds * 1000));
            var key = new Key(child, ts);
            firstIndex.putIfAbsent(key, entry.index());
            var values = grouped.computeIfAbsent(key, k -> new RecordValues(rejections));
            if (entry.value() != null) {
                values.number(entry.index(), metric, entry.value());
            } else {
                values.notANumber(
                        entry.index(),
                        metric,
                        entry.otherType() == null ? "a record without 'v'" : "'" + entry.otherType() + "'");
            }
        }
        var records = new ArrayList<DecodedRecord>();
        grouped.forEach((key, values) ->
                records.add(new DecodedRecord(firstIndex.get(key), key.child(), key.ts(), null, values.values())));
        return new DecodedPayload(records, rejections);
    }
}
