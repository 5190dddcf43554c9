package org.gridvault.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.gridvault.telemetry.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTelemetryDecoderUnitTests {

    private final JsonTelemetryDecoder decoder = new JsonTelemetryDecoder();

    @Test
    void decodesOneRecordWithAnIsoTimestamp() {
        var payload = decode("""
                {"ts": "2026-11-21T10:15:00Z", "seq": 42,
                 "values": {"power_w": 1520.5, "energy_import_wh": 1234567, "voltage_v": 230.1}}
                """);

        assertThat(payload.rejections()).isEmpty();
        assertThat(payload.records()).singleElement().satisfies(record -> {
            assertThat(record.index()).isZero();
            assertThat(record.ts()).isEqualTo(Instant.parse("2026-11-21T10:15:00Z"));
            assertThat(record.seq()).isEqualTo(42L);
            assertThat(record.childSerial()).isNull();
            assertThat(value(record, Metric.POWER_W)).isEqualTo(1520.5);
            assertThat(value(record, Metric.ENERGY_IMPORT_WH)).isEqualTo(1234567);
            assertThat(value(record, Metric.VOLTAGE_V)).isEqualTo(230.1);
            assertThat(value(record, Metric.SOC_PCT)).isNaN();
        });
    }

    @Test
    void readsEpochMillisecondsAndOffsetTimes() {
        var payload = decode("""
                [{"ts": 1795256100123, "values": {"power_w": 1}},
                 {"ts": "2026-11-21T11:15:00+01:00", "values": {"power_w": 2}}]
                """);

        assertThat(payload.rejections()).isEmpty();
        assertThat(payload.records())
                .extracting(DecodedRecord::ts)
                .containsExactly(Instant.ofEpochMilli(1795256100123L), Instant.parse("2026-11-21T10:15:00Z"));
    }

    @Test
    void numbersTheRecordsOfAnArray() {
        var payload = decode("""
                [{"ts": "2026-11-21T10:15:00Z", "values": {"power_w": 1}},
                 {"ts": "2026-11-21T10:15:10Z", "device": "PLUG-1", "values": {"power_w": 2}}]
                """);

        assertThat(payload.records())
                .extracting(DecodedRecord::index, DecodedRecord::childSerial, record -> value(record, Metric.POWER_W))
                .containsExactly(tuple(0, null, 1.0), tuple(1, "PLUG-1", 2.0));
    }

    @Test
    void decodesAnEmptyArrayToNothing() {
        var payload = decode("[]");

        assertThat(payload.records()).isEmpty();
        assertThat(payload.rejections()).isEmpty();
    }

    @Test
    void skipsFieldsItDoesNotKnowHoweverDeeplyNested() {
        var payload = decode("""
                {"meta": {"fw": "1.2", "slots": [1, [2, {"x": null}], {"y": {"z": []}}]},
                 "ts": "2026-11-21T10:15:00Z", "tags": ["a", "b"], "values": {"power_w": 7}, "trailer": {}}
                """);

        assertThat(payload.rejections()).isEmpty();
        assertThat(payload.records())
                .singleElement()
                .satisfies(record -> assertThat(value(record, Metric.POWER_W)).isEqualTo(7));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"ts\": \"2026-11-21T10:15:00Z\", \"values\": {\"power_w\": 1}} x",
                "{\"ts\": \"2026-11-21T10:15:00Z\", \"values\": {\"power_w\": 1}}{}",
                "[{\"ts\": \"2026-11-21T10:15:00Z\", \"values\": {\"power_w\": 1}}] []",
                "{\"ts\": \"2026-11-21T10:15:00Z\", \"values\": {\"power_w\": 1}",
                "{\"ts\": \"2026-11-21T10:15:00Z\" \"values\": {}}",
                "[{\"ts\": \"2026-11-21T10:15:00Z\", \"values\": {\"power_w\": 1}},",
                "{'ts': '2026-11-21T10:15:00Z'}",
                "\"2026-11-21T10:15:00Z\"",
                "42",
                "null",
                "",
                "   ",
                "\u00ff\u00fe"
            })
    void rejectsAPayloadThatIsNotOneJsonObjectOrArray(String text) {
        var payload = decode(text);

        assertThat(payload.records()).isEmpty();
        assertThat(payload.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.code()).isEqualTo("telemetry:payload.malformed");
            assertThat(rejection.record()).isNull();
        });
    }

    @Test
    void rejectsValuesOfEveryWrongTypeOneByOne() {
        var payload = decode("""
                {"ts": "2026-11-21T10:15:00Z", "values": {
                  "power_w": "1520", "voltage_v": true, "current_a": null, "frequency_hz": {"v": 50},
                  "temperature_c": [21.5], "soc_pct": NaN, "reactive_power_var": Infinity, "power_factor": -Infinity,
                  "energy_import_wh": 1e400, "unknown_metric": 3, "unknown_text": "x", "energy_export_wh": 17}}
                """);

        assertThat(payload.rejections())
                .extracting(Rejection::record, Rejection::metric, Rejection::code)
                .containsExactlyInAnyOrder(
                        tuple(0, "power_w", "telemetry:value.not-a-number"),
                        tuple(0, "voltage_v", "telemetry:value.not-a-number"),
                        tuple(0, "current_a", "telemetry:value.not-a-number"),
                        tuple(0, "frequency_hz", "telemetry:value.not-a-number"),
                        tuple(0, "temperature_c", "telemetry:value.not-a-number"),
                        tuple(0, "soc_pct", "telemetry:value.not-finite"),
                        tuple(0, "reactive_power_var", "telemetry:value.not-finite"),
                        tuple(0, "power_factor", "telemetry:value.not-finite"),
                        tuple(0, "energy_import_wh", "telemetry:value.not-finite"),
                        tuple(0, "unknown_metric", "telemetry:metric.unknown"),
                        tuple(0, "unknown_text", "telemetry:metric.unknown"));
        assertThat(payload.rejections())
                .allSatisfy(rejection -> assertThat(rejection.reason()).isNotBlank());
        assertThat(payload.records()).singleElement().satisfies(record -> {
            assertThat(value(record, Metric.ENERGY_EXPORT_WH)).isEqualTo(17);
            assertThat(presentValues(record)).as("only the valid value").containsExactly(17.0);
        });
    }

    @Test
    void rejectsARecordWithoutAUsableTimestamp() {
        var payload = decode("""
                [{"values": {"power_w": 1}},
                 {"ts": "yesterday", "values": {"power_w": 2}},
                 {"ts": "2026-11-21 10:15:00", "values": {"power_w": 3}},
                 {"ts": 1795256100.5, "values": {"power_w": 4}},
                 {"ts": {"epoch": 1}, "values": {"power_w": 5}},
                 {"ts": null, "values": {"power_w": 6}},
                 {"ts": "2026-11-21T10:15:00Z", "values": {"power_w": 7}}]
                """);

        assertThat(payload.rejections())
                .extracting(Rejection::record, Rejection::code)
                .containsExactly(
                        tuple(0, "telemetry:ts.invalid"),
                        tuple(1, "telemetry:ts.invalid"),
                        tuple(2, "telemetry:ts.invalid"),
                        tuple(3, "telemetry:ts.invalid"),
                        tuple(4, "telemetry:ts.invalid"),
                        tuple(5, "telemetry:ts.invalid"));
        assertThat(payload.records()).extracting(DecodedRecord::index).containsExactly(6);
    }

    @Test
    void rejectsRecordsThatAreNotObjects() {
        var payload = decode("""
                [42, "text", [1, 2], null, {"ts": "2026-11-21T10:15:00Z", "values": {"power_w": 1}}]
                """);

        assertThat(payload.rejections())
                .extracting(Rejection::record, Rejection::code)
                .containsExactly(
                        tuple(0, "telemetry:record.invalid"),
                        tuple(1, "telemetry:record.invalid"),
                        tuple(2, "telemetry:record.invalid"),
                        tuple(3, "telemetry:record.invalid"));
        assertThat(payload.records()).extracting(DecodedRecord::index).containsExactly(4);
    }

    @Test
    void rejectsARecordWithoutValues() {
        var payload = decode("""
                [{"ts": "2026-11-21T10:15:00Z", "values": [1, 2]},
                 {"ts": "2026-11-21T10:15:00Z", "values": 5},
                 {"ts": "2026-11-21T10:15:00Z", "value": {"power_w": 1}}]
                """);

        assertThat(payload.rejections())
                .extracting(Rejection::record, Rejection::code)
                .containsExactly(
                        tuple(0, "telemetry:values.invalid"),
                        tuple(1, "telemetry:values.invalid"),
                        tuple(2, "telemetry:values.invalid"));
        assertThat(payload.records()).noneMatch(DecodedRecord::hasValues);
    }

    @Test
    void rejectsARecordNamingItsDeviceWithAnythingButAString() {
        var payload = decode("""
                [{"ts": "2026-11-21T10:15:00Z", "device": ["PLUG-1"], "values": {"power_w": 1}},
                 {"ts": "2026-11-21T10:15:00Z", "device": 17, "values": {"power_w": 2}},
                 {"ts": "2026-11-21T10:15:00Z", "device": {"serial": "PLUG-1"}, "values": {"power_w": 3}},
                 {"ts": "2026-11-21T10:15:00Z", "device": "PLUG-1", "values": {"power_w": 4}}]
                """);

        assertThat(payload.rejections())
                .extracting(Rejection::record, Rejection::code)
                .containsExactly(
                        tuple(0, "telemetry:device.invalid"),
                        tuple(1, "telemetry:device.invalid"),
                        tuple(2, "telemetry:device.invalid"));
        assertThat(payload.records())
                .extracting(DecodedRecord::index, DecodedRecord::childSerial)
                .containsExactly(tuple(3, "PLUG-1"));
    }

    @Test
    void ignoresASequenceNumberThatIsNotAnInteger() {
        var payload = decode("""
                [{"ts": "2026-11-21T10:15:00Z", "seq": "7", "values": {"power_w": 1}},
                 {"ts": "2026-11-21T10:15:01Z", "seq": 7.5, "values": {"power_w": 1}},
                 {"ts": "2026-11-21T10:15:02Z", "seq": {"n": 7}, "values": {"power_w": 1}},
                 {"ts": "2026-11-21T10:15:03Z", "seq": 123456789012345678901234567890, "values": {"power_w": 1}}]
                """);

        assertThat(payload.rejections()).isEmpty();
        assertThat(payload.records()).extracting(DecodedRecord::seq).containsExactly(null, null, null, null);
    }

    private DecodedPayload decode(String text) {
        return decoder.decode(text.getBytes(StandardCharsets.UTF_8));
    }

    private static double value(DecodedRecord record, Metric metric) {
        return record.values()[metric.ordinal()];
    }

    private static java.util.List<Double> presentValues(DecodedRecord record) {
        return java.util.Arrays.stream(record.values())
                .filter(value -> !Double.isNaN(value))
                .boxed()
                .toList();
    }
}
