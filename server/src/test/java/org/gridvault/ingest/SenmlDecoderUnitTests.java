package org.gridvault.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.gridvault.telemetry.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SenmlDecoderUnitTests {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:00Z");

    private final SenmlDecoder decoder = new SenmlDecoder(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void groupsTheValuesOfOneTimeIntoOneReading() {
        var payload = decode("""
                [{"bn": "", "bt": 1795256100, "n": "power_w", "v": 100}, {"n": "energy_import_wh", "v": 5}]
                """);

        assertThat(payload.rejections()).isEmpty();
        assertThat(payload.records()).singleElement().satisfies(record -> {
            assertThat(record.ts()).isEqualTo(Instant.ofEpochSecond(1795256100));
            assertThat(record.childSerial()).isNull();
            assertThat(record.seq()).isNull();
            assertThat(value(record, Metric.POWER_W)).isEqualTo(100);
            assertThat(value(record, Metric.ENERGY_IMPORT_WH)).isEqualTo(5);
        });
    }

    @Test
    void addsEachRecordsTimeToTheBaseTime() {
        var payload = decode("""
                [{"bt": 1795256100, "n": "power_w", "v": 100, "t": 0},
                 {"n": "power_w", "v": 110, "t": 10.25},
                 {"n": "voltage_v", "v": 231, "t": 10.25}]
                """);

        assertThat(payload.records())
                .extracting(
                        DecodedRecord::ts,
                        record -> value(record, Metric.POWER_W),
                        record -> value(record, Metric.VOLTAGE_V))
                .containsExactly(
                        tuple(Instant.ofEpochSecond(1795256100), 100.0, Double.NaN),
                        tuple(Instant.ofEpochSecond(1795256110, 250_000_000), 110.0, 231.0));
    }

    @Test
    void readsSmallTimesAsRelativeToNow() {
        var payload = decode("""
                [{"n": "power_w", "v": 1}, {"n": "power_w", "v": 2, "t": -60}]
                """);

        assertThat(payload.records()).extracting(DecodedRecord::ts).containsExactly(NOW, NOW.minusSeconds(60));
    }

    @Test
    void takesTheChildSerialFromTheNamePrefix() {
        var payload = decode("""
                [{"bn": "PLUG-1/", "bt": 1795256100, "n": "power_w", "v": 60},
                 {"bn": "PLUG-2/", "n": "power_w", "v": 70},
                 {"bn": "", "n": "temperature_c", "v": 41}]
                """);

        assertThat(payload.rejections()).isEmpty();
        assertThat(payload.records())
                .extracting(DecodedRecord::childSerial, record -> value(record, Metric.POWER_W))
                .containsExactly(tuple("PLUG-1", 60.0), tuple("PLUG-2", 70.0), tuple(null, Double.NaN));
    }

    @Test
    void rejectsValuesThatAreNotNumbersOneByOne() {
        var payload = decode("""
                [{"bt": 1795256100, "n": "power_w", "vs": "100"},
                 {"n": "voltage_v", "vb": true},
                 {"n": "current_a", "vd": "AQID"},
                 {"n": "frequency_hz"},
                 {"n": "soc_pct", "v": NaN},
                 {"n": "temperature_c", "v": "21"},
                 {"n": "unknown_metric", "v": 1},
                 {"v": 5},
                 {"n": "energy_import_wh", "v": 12}]
                """);

        assertThat(payload.rejections())
                .extracting(Rejection::record, Rejection::metric, Rejection::code)
                .containsExactlyInAnyOrder(
                        tuple(0, "power_w", "telemetry:value.not-a-number"),
                        tuple(1, "voltage_v", "telemetry:value.not-a-number"),
                        tuple(2, "current_a", "telemetry:value.not-a-number"),
                        tuple(3, "frequency_hz", "telemetry:value.not-a-number"),
                        tuple(4, "soc_pct", "telemetry:value.not-finite"),
                        tuple(5, "temperature_c", "telemetry:value.not-a-number"),
                        tuple(6, "unknown_metric", "telemetry:metric.unknown"),
                        tuple(7, null, "telemetry:record.invalid"));
        assertThat(payload.records()).singleElement().satisfies(record -> {
            assertThat(value(record, Metric.ENERGY_IMPORT_WH)).isEqualTo(12);
            assertThat(presentValues(record)).containsExactly(12.0);
        });
    }

    @Test
    void skipsStructuredValuesOfKnownFields() {
        var payload = decode("""
                [{"bt": 1795256100, "n": {"name": "power_w"}, "v": 5},
                 {"n": "power_w", "vs": ["on"]},
                 {"n": "voltage_v", "bt": [1], "bn": {"x": 1}, "t": {"y": 2}, "v": 230}]
                """);

        assertThat(payload.rejections())
                .extracting(Rejection::record, Rejection::metric, Rejection::code)
                .containsExactly(
                        tuple(0, null, "telemetry:record.invalid"),
                        tuple(1, "power_w", "telemetry:value.not-a-number"));
        assertThat(payload.records()).singleElement().satisfies(record -> {
            assertThat(record.ts()).isEqualTo(Instant.ofEpochSecond(1795256100));
            assertThat(value(record, Metric.VOLTAGE_V)).isEqualTo(230);
        });
    }

    @Test
    void decodesAnEmptyPackToNothing() {
        var payload = decode("[]");

        assertThat(payload.records()).isEmpty();
        assertThat(payload.rejections()).isEmpty();
    }

    @Test
    void skipsFieldsItDoesNotKnow() {
        var payload = decode("""
                [{"bver": 10, "bu": "W", "bn": "", "bt": 1795256100, "n": "power_w", "u": "W", "v": 5,
                  "ext": {"nested": [1, {"a": []}]}}]
                """);

        assertThat(payload.rejections()).isEmpty();
        assertThat(payload.records())
                .singleElement()
                .satisfies(record -> assertThat(value(record, Metric.POWER_W)).isEqualTo(5));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"n\": \"power_w\", \"v\": 1}",
                "[{\"n\": \"power_w\", \"v\": 1}] x",
                "[{\"n\": \"power_w\", \"v\": 1}][]",
                "[{\"n\": \"power_w\", \"v\": 1}, 5]",
                "[[{\"n\": \"power_w\", \"v\": 1}]]",
                "[{\"n\": \"power_w\", \"v\": 1}",
                "",
                "null"
            })
    void rejectsAPayloadThatIsNotOneSenmlPack(String text) {
        var payload = decode(text);

        assertThat(payload.records()).isEmpty();
        assertThat(payload.rejections())
                .singleElement()
                .satisfies(rejection -> assertThat(rejection.code()).isEqualTo("telemetry:payload.malformed"));
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
