package org.gridvault.simulator.home;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Weather as a Markov chain of daily regimes (clear, broken cloud, overcast) whose odds follow the season and the
 * latitude, with passing clouds inside a day from smooth random noise: in broken cloud the sun comes and goes over
 * minutes, with soft edges. Winters in northern Europe are mostly overcast, Lisbon's summers mostly clear; the tropics
 * see broken cloud most days.
 */
final class Clouds implements Sky {

    enum Regime {
        CLEAR,
        BROKEN,
        OVERCAST
    }

    private static final long REGIME = 11;
    private static final long PERSISTENCE = 12;
    private static final long SLOW = 13;
    private static final long FAST = 14;
    private static final long COVER = 15;

    private final Noise noise;
    private final Location location;

    Clouds(Noise noise, Location location) {
        this.noise = noise;
        this.location = location;
    }

    @Override
    public double clearSkyIndex(Instant time) {
        ZoneId zone = location.zone();
        LocalDate date = LocalDate.ofInstant(time, zone);
        double seconds = time.getEpochSecond() + time.getNano() / 1e9;
        return switch (regimeOn(date)) {
            case CLEAR -> 0.97 + 0.03 * noise.smooth(SLOW, seconds, 1800);
            case OVERCAST -> 0.24 + 0.12 * noise.smooth(SLOW, seconds, 1500);
            case BROKEN -> {
                double cover = 0.3 + 0.4 * noise.uniform(COVER, date.toEpochDay());
                double drift = 0.65 * noise.smooth(SLOW, seconds, 1200) + 0.35 * noise.smooth(FAST, seconds, 240);
                double sunny = smoothstep(cover - 0.12, cover + 0.12, (drift + 1) / 2 + 0.05);
                yield 0.28 + 0.74 * sunny;
            }
        };
    }

    /** Today's regime: with probability 0.5 yesterday's again, otherwise drawn afresh with the season's odds. */
    Regime regimeOn(LocalDate date) {
        LocalDate day = date;
        for (int i = 0; i < 10 && noise.uniform(PERSISTENCE, day.toEpochDay()) < 0.5; i++) {
            day = day.minusDays(1);
        }
        return drawn(day);
    }

    private Regime drawn(LocalDate date) {
        double draw = noise.uniform(REGIME, date.toEpochDay());
        double clear;
        double overcast;
        if (location.tropical()) {
            clear = 0.15;
            overcast = 0.2;
        } else {
            double midsummer = location.latitude() >= 0 ? 172 : 355;
            double summer = Math.cos(2 * Math.PI * (date.getDayOfYear() - midsummer) / 365.25);
            double north = Math.clamp((Math.abs(location.latitude()) - 35) / 15, 0.0, 1.0);
            clear = Math.max(0.05, 0.3 + 0.2 * summer - 0.15 * north);
            overcast = 0.25 - 0.15 * summer + 0.2 * north;
        }
        if (draw < clear) {
            return Regime.CLEAR;
        }
        return draw < clear + overcast ? Regime.OVERCAST : Regime.BROKEN;
    }

    private static double smoothstep(double edge0, double edge1, double x) {
        double t = Math.clamp((x - edge0) / (edge1 - edge0), 0.0, 1.0);
        return t * t * (3 - 2 * t);
    }
}
