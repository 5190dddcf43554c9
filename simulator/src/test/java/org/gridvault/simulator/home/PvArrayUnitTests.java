package org.gridvault.simulator.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PvArrayUnitTests {

    private static final Location BERLIN = Location.of(52.52, 13.40, "Europe/Berlin");
    private static final PvArray SOUTH_FACING = new PvArray(BERLIN, 6_000, 6_000, 35, 180, Sky.CLEAR);

    @Test
    void producesNothingAtNight() {
        assertThat(SOUTH_FACING.powerWatts(Instant.parse("2026-06-21T00:00:00Z")))
                .isZero();
        assertThat(SOUTH_FACING.powerWatts(Instant.parse("2026-12-21T16:30:00Z")))
                .isZero();
    }

    @Test
    void peaksNearSolarNoon() {
        Instant day = Instant.parse("2026-06-21T00:00:00Z");
        Instant peak = day;
        double peakWatts = 0;
        for (int minute = 0; minute < 24 * 60; minute++) {
            Instant time = day.plus(Duration.ofMinutes(minute));
            double watts = SOUTH_FACING.powerWatts(time);
            if (watts > peakWatts) {
                peakWatts = watts;
                peak = time;
            }
        }
        // Solar noon in Berlin on 21 June: 12:00 UTC − 13.4° × 4 min/° + 1.6 min equation of time ≈ 11:08 UTC.
        assertThat(Duration.between(Instant.parse("2026-06-21T11:08:00Z"), peak).abs())
                .isLessThan(Duration.ofMinutes(20));
        assertThat(peakWatts).isBetween(4_000.0, 6_000.0);
    }

    @Test
    void aClearWinterDayInBerlinYieldsAFractionOfAClearSummerDay() {
        double summer = dailyWattHours(Instant.parse("2026-06-21T00:00:00Z"));
        double winter = dailyWattHours(Instant.parse("2026-12-21T00:00:00Z"));

        assertThat(summer / 6).as("Wh per kWp on a clear midsummer day").isBetween(6_000.0, 8_500.0);
        assertThat(winter).isLessThan(summer * 0.4);
    }

    @Test
    void neverExceedsTheInverterLimit() {
        var clipped = new PvArray(BERLIN, 6_000, 3_000, 35, 180, Sky.CLEAR);

        assertThat(clipped.powerWatts(Instant.parse("2026-06-21T11:08:00Z"))).isEqualTo(3_000);
    }

    private static double dailyWattHours(Instant midnightUtc) {
        double wattHours = 0;
        for (int minute = 0; minute < 24 * 60; minute++) {
            wattHours += SOUTH_FACING.powerWatts(midnightUtc.plus(Duration.ofMinutes(minute))) / 60;
        }
        return wattHours;
    }
}
