package org.gridvault.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written reader of device timestamps accepts exactly what {@link Instant#parse} accepts, with its result. */
class UtcTimestampsProperties {

    @Property(tries = 2000)
    void readsEveryCanonicalInstantAsInstantParseDoes(@ForAll("canonicalTimestamps") String text) {
        assertThat(UtcTimestamps.parse(text)).isEqualTo(Instant.parse(text));
    }

    @Property(tries = 2000)
    void agreesWithInstantParseOnNearMisses(@ForAll("nearMisses") String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> UtcTimestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(UtcTimestamps.parse(text)).isEqualTo(expected);
    }

    @Example
    void leavesTheRareFormsToInstantParse() {
        assertThat(UtcTimestamps.parse("2026-11-21t10:15:00z")).isEqualTo(Instant.parse("2026-11-21T10:15:00Z"));
        assertThat(UtcTimestamps.parse("2026-11-21T10:15:00+01:00")).isEqualTo(Instant.parse("2026-11-21T09:15:00Z"));
        assertThat(UtcTimestamps.parse("2016-12-31T23:59:60Z")).isEqualTo(Instant.parse("2016-12-31T23:59:59Z"));
        assertThatThrownBy(() -> UtcTimestamps.parse("2026-02-29T00:00:00Z"))
                .isInstanceOf(DateTimeParseException.class);
    }

    @Provide
    Arbitrary<String> canonicalTimestamps() {
        var seconds = Arbitraries.longs()
                .between(
                        Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
        var nanos = Arbitraries.integers().between(0, 999_999_999);
        var fractionDigits = Arbitraries.integers().between(0, 9);
        return Combinators.combine(seconds, nanos, fractionDigits).as((second, nano, digits) -> {
            var text = Instant.ofEpochSecond(second).toString();
            var whole = text.substring(0, text.length() - 1);
            var fraction = digits == 0 ? "" : "." + String.format("%09d", nano).substring(0, digits);
            return whole + fraction + "Z";
        });
    }

    /** Canonical timestamps with one character replaced: invalid dates, wrong separators, letters, signs. */
    @Provide
    Arbitrary<String> nearMisses() {
        var replacement =
                Arbitraries.of('0', '1', '2', '3', '5', '9', ':', '-', '.', 'T', 't', 'Z', 'z', '+', ' ', 'x');
        return Combinators.combine(canonicalTimestamps(), Arbitraries.integers().between(0, 29), replacement)
                .as((text, position, character) -> {
                    int at = position % text.length();
                    return text.substring(0, at) + character + text.substring(at + 1);
                });
    }
}
