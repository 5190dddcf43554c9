package org.gridvault.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Decodes GridVault's own JSON payload, one record or an array of records:
 *
 * <pre>{@code
 * {"ts": "2026-11-21T10:15:00Z", "seq": 42, "values": {"power_w": 1520.5, "energy_import_wh": 1234567}}
 * }</pre>
 *
 * {@code ts} is ISO-8601 or epoch milliseconds; {@code seq} is optional; a gateway adds {@code "device": "<child
 * serial>"}. Uses the streaming parser (no object tree per message: this is the hot path). A record with a broken
 * {@code ts} is rejected whole; a bad value only itself. Thread-safe.
 */
final class JsonTelemetryDecoder {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            // Read NaN/Infinity tokens so they can be rejected per value instead of failing the payload.
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    DecodedPayload decode(byte[] payload) {
        var records = new ArrayList<DecodedRecord>();
        var rejections = new ArrayList<Rejection>();
        try (var parser = FACTORY.createParser(ObjectReadContext.empty(), payload)) {
            var token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                readRecord(parser, 0, records, rejections);
            } else if (token == JsonToken.START_ARRAY) {
                int index = 0;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == JsonToken.START_OBJECT) {
                        readRecord(parser, index, records, rejections);
                    } else {
                        parser.skipChildren();
                        rejections.add(Rejection.ofRecord(
                                index, "telemetry:record.invalid", "Each record must be a JSON object."));
                    }
                    index++;
                }
            } else {
                return DecodedPayload.rejected(Rejection.ofPayload(
                        "telemetry:payload.malformed", "Send a JSON object (one record) or an array of records."));
            }
            if (parser.nextToken() != null) {
                return DecodedPayload.rejected(
                        Rejection.ofPayload("telemetry:payload.malformed", "Unexpected content after the JSON value."));
            }
        } catch (JacksonException e) {
            return DecodedPayload.rejected(Rejection.ofPayload(
                    "telemetry:payload.malformed", "The payload is not valid JSON: " + e.getOriginalMessage()));
        }
        return new DecodedPayload(records, rejections);
    }

    private static void readRecord(
            JsonParser parser, int index, List<DecodedRecord> records, List<Rejection> rejections) {
        Instant ts = null;
        String tsProblem = "Give the measurement time 'ts' (ISO-8601 UTC or epoch milliseconds).";
        Long seq = null;
        String child = null;
        boolean childInvalid = false;
        boolean hasValues = false;
        var values = new RecordValues(rejections);
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            var field = parser.currentName();
            token = parser.nextToken();
            switch (field) {
                case "ts" -> {
                    ts = timestamp(parser, token);
                    if (ts == null) {
                        tsProblem =
                                "'ts' must be an ISO-8601 UTC time such as 2026-11-21T10:15:00Z or epoch milliseconds.";
                    }
                }
                case "seq" -> seq = sequenceNumber(parser, token);
                case "device" -> {
                    child = token == JsonToken.VALUE_STRING ? parser.getString() : null;
                    childInvalid = child == null;
                }
                case "values" -> {
                    hasValues = true;
                    readValues(parser, token, index, values, rejections);
                }
                default -> {}
            }
            // A structured value where a scalar belongs is skipped whole, so its content is not read as fields.
            parser.skipChildren();
        }
        if (ts == null) {
            rejections.add(Rejection.ofRecord(index, "telemetry:ts.invalid", tsProblem));
            return;
        }
        if (childInvalid) {
            rejections.add(Rejection.ofRecord(
                    index,
                    "telemetry:device.invalid",
                    "'device' must be the serial number (a string) of a device paired with this gateway."));
            return;
        }
        if (!hasValues) {
            rejections.add(Rejection.ofRecord(
                    index,
                    "telemetry:values.invalid",
                    "Give the measurements in 'values', an object of metric names and numbers."));
            return;
        }
        records.add(new DecodedRecord(index, child, ts, seq, values.values()));
    }

    private static void readValues(
            JsonParser parser, JsonToken token, int index, RecordValues values, List<Rejection> rejections) {
        if (token != JsonToken.START_OBJECT) {
            rejections.add(Rejection.ofRecord(
                    index, "telemetry:values.invalid", "'values' must be an object of metric names and numbers."));
            return;
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            var name = parser.currentName();
            var value = parser.nextToken();
            switch (value) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> values.number(index, name, parser.getDoubleValue());
                case VALUE_STRING -> values.notANumber(index, name, "a string");
                case VALUE_TRUE, VALUE_FALSE -> values.notANumber(index, name, "a boolean");
                case VALUE_NULL -> values.notANumber(index, name, "null");
                default -> {
                    parser.skipChildren();
                    values.notANumber(index, name, "an object or array");
                }
            }
        }
    }

    /** An optional counter: anything but an integer that fits 64 bits is ignored, as if there were none. */
    private static @Nullable Long sequenceNumber(JsonParser parser, JsonToken token) {
        return token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                ? parser.getLongValue()
                : null;
    }

    private static @Nullable Instant timestamp(JsonParser parser, JsonToken token) {
        try {
            return switch (token) {
                case VALUE_STRING -> UtcTimestamps.parse(parser.getString());
                case VALUE_NUMBER_INT -> Instant.ofEpochMilli(parser.getLongValue());
                default -> {
                    parser.skipChildren();
                    yield null;
                }
            };
        } catch (DateTimeParseException | ArithmeticException | JacksonException e) {
            return null;
        }
    }
}
