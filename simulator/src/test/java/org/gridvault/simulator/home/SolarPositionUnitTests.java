package org.gridvault.simulator.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SolarPositionUnitTests {

    private static final double BERLIN_LATITUDE = 52.52;
    private static final double BERLIN_LONGITUDE = 13.40;

    @Test
    void sunStandsHighOverBerlinAtMidsummerNoonAndLowAtMidwinterNoon() {
        var summer = SolarPosition.at(Instant.parse("2026-06-21T11:08:00Z"), BERLIN_LATITUDE, BERLIN_LONGITUDE);
        var winter = SolarPosition.at(Instant.parse("2026-12-21T11:04:00Z"), BERLIN_LATITUDE, BERLIN_LONGITUDE);

        assertThat(summer.elevationDegrees()).isCloseTo(90 - BERLIN_LATITUDE + 23.44, within(0.5));
        assertThat(winter.elevationDegrees()).isCloseTo(90 - BERLIN_LATITUDE - 23.44, within(0.5));
        assertThat(summer.azimuthDegrees()).isCloseTo(180, within(2.0));
    }

    @Test
    void sunIsBelowTheHorizonAtMidnight() {
        var midnight = SolarPosition.at(Instant.parse("2026-06-21T22:00:00Z"), BERLIN_LATITUDE, BERLIN_LONGITUDE);

        assertThat(midnight.aboveHorizon()).isFalse();
    }

    @Test
    void sunRisesInTheEastAndSetsInTheWest() {
        var morning = SolarPosition.at(Instant.parse("2026-03-20T06:00:00Z"), BERLIN_LATITUDE, BERLIN_LONGITUDE);
        var evening = SolarPosition.at(Instant.parse("2026-03-20T16:30:00Z"), BERLIN_LATITUDE, BERLIN_LONGITUDE);

        assertThat(morning.azimuthDegrees()).isBetween(80.0, 110.0);
        assertThat(evening.azimuthDegrees()).isBetween(250.0, 280.0);
    }
}
