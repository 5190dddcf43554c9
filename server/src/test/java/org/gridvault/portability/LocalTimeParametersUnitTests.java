package org.gridvault.portability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocalTimeParametersUnitTests {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void encodesTheUnitedStatesRulesAsTheGreenButtonSampleDoesForNorthAmerica() {
        var parameters = LocalTimeParameters.of(ZoneId.of("America/New_York"), AT);

        // the sample's rules are written with operators 3 and 2 (second and first Sunday); ours say "the Sunday on or
        // after the 8th / the 1st", the same days, at the same 02:00 local time
        assertThat(parameters.dstStartRule()).isEqualTo("328E2000");
        assertThat(parameters.dstEndRule()).isEqualTo("B21E2000");
        assertThat(parameters.tzOffset()).isEqualTo(-18_000);
        assertThat(parameters.dstOffset()).isEqualTo(3_600);
    }

    @Test
    void encodesTheEuropeanRulesFromUniversalTime() {
        var parameters = LocalTimeParameters.of(ZoneId.of("Europe/Berlin"), AT);

        assertThat(parameters.dstStartRule()).isEqualTo("339E2000");
        assertThat(parameters.dstEndRule()).isEqualTo("A39E3000");
        assertThat(parameters.tzOffset()).isEqualTo(3_600);
    }

    @Test
    void disablesTheRulesWhereThereIsNoDaylightSaving() {
        var parameters = LocalTimeParameters.of(ZoneId.of("Asia/Kolkata"), AT);

        assertThat(parameters.dstStartRule()).isEqualTo("FFFFFFFF");
        assertThat(parameters.dstEndRule()).isEqualTo("FFFFFFFF");
        assertThat(parameters.dstOffset()).isZero();
        assertThat(parameters.tzOffset()).isEqualTo(19_800);
    }
}
