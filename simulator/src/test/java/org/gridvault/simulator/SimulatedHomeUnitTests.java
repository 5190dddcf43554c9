package org.gridvault.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedHomeUnitTests {

    private static final Instant NOON = Instant.parse("2026-06-21T11:00:00Z");

    @Test
    void reportsOneReadingPerDeviceWithTheProtocolsMetricNames() {
        var readings = TestHomes.berlin(1, "H1").readingsAt(NOON);

        assertThat(readings).extracting(Reading::kind).containsExactly(DeviceKind.values());
        assertThat(readings).extracting(Reading::serial).containsExactly("H1-GM", "H1-PV", "H1-BAT", "H1-EV");
        assertThat(readings.get(0).values())
                .containsOnlyKeys("power_w", "energy_import_wh", "energy_export_wh", "voltage_v", "frequency_hz");
        assertThat(readings.get(1).values()).containsOnlyKeys("power_w", "energy_produced_wh");
        assertThat(readings.get(2).values())
                .containsOnlyKeys("power_w", "soc_pct", "energy_charged_wh", "energy_discharged_wh");
        assertThat(readings.get(3).values()).containsOnlyKeys("power_w", "energy_delivered_wh");
    }

    @Test
    void countersAreWholeWattHoursAndEverythingElseIsDecimal() {
        var readings = TestHomes.berlin(1, "H1").readingsAt(NOON);

        for (Reading reading : readings) {
            reading.values().forEach((name, value) -> {
                if (name.endsWith("_wh")) {
                    assertThat(value).as(name).isInstanceOf(Long.class);
                } else {
                    assertThat(value).as(name).isInstanceOf(Double.class);
                }
            });
        }
    }

    @Test
    void numbersEachDevicesReadingsFromTheFirstReadingsEpochSecond() {
        var home = TestHomes.berlin(1, "H1");

        var first = home.readingsAt(NOON);
        var second = home.readingsAt(NOON.plusSeconds(10));

        assertThat(first).extracting(Reading::seq).containsOnly(NOON.getEpochSecond());
        assertThat(second).extracting(Reading::seq).containsOnly(NOON.getEpochSecond() + 1);
    }

    @Test
    void powersCarryTheProtocolsSignsAndMatchTheCounters() {
        var readings = run(TestHomes.berlin(1, "H1"), NOON, Duration.ofMinutes(1), 24 * 60);

        for (int i = 4; i < readings.size(); i++) {
            var now = readings.get(i);
            var before = readings.get(i - 4);
            double minuteOfPower = now.values().get("power_w").doubleValue() / 60;
            switch (now.kind()) {
                case GRID_METER -> {
                    assertThat(delta(now, before, "energy_import_wh"))
                            .isCloseTo(Math.max(0, minuteOfPower), within(1.01));
                    assertThat(delta(now, before, "energy_export_wh"))
                            .isCloseTo(Math.max(0, -minuteOfPower), within(1.01));
                    assertThat(now.values().get("voltage_v").doubleValue()).isBetween(226.0, 234.0);
                    assertThat(now.values().get("frequency_hz").doubleValue()).isBetween(49.95, 50.05);
                }
                case PV_INVERTER -> {
                    assertThat(minuteOfPower).isGreaterThanOrEqualTo(0);
                    assertThat(delta(now, before, "energy_produced_wh")).isCloseTo(minuteOfPower, within(1.01));
                }
                case BATTERY -> {
                    assertThat(delta(now, before, "energy_discharged_wh"))
                            .isCloseTo(Math.max(0, minuteOfPower), within(1.01));
                    assertThat(delta(now, before, "energy_charged_wh"))
                            .isCloseTo(Math.max(0, -minuteOfPower), within(1.01));
                    assertThat(now.values().get("soc_pct").doubleValue()).isBetween(10.0, 100.0);
                }
                case EV_CHARGER -> {
                    assertThat(minuteOfPower).isGreaterThanOrEqualTo(0);
                    assertThat(delta(now, before, "energy_delivered_wh")).isCloseTo(minuteOfPower, within(1.01));
                }
            }
        }
    }

    @Test
    void publishedCountersNeverDecreaseAndBalanceWithinRounding() {
        var home = TestHomes.berlin(3, "H3");
        var start = Instant.parse("2026-04-01T00:00:00Z");
        var readings = run(home, start, Duration.ofSeconds(30), 2 * 24 * 120);

        var previous = new HashMap<String, Long>();
        for (Reading reading : readings) {
            reading.values().forEach((name, value) -> {
                if (name.endsWith("_wh")) {
                    String key = reading.serial() + "/" + name;
                    assertThat(value.longValue()).as(key).isGreaterThanOrEqualTo(previous.getOrDefault(key, 0L));
                    previous.put(key, value.longValue());
                }
            });
        }
    }

    @Test
    void sameSeedGivesIdenticalReadings() {
        var start = Instant.parse("2026-11-21T10:15:00Z");

        var first = run(TestHomes.berlin(99, "H"), start, Duration.ofSeconds(10), 500);
        var second = run(TestHomes.berlin(99, "H"), start, Duration.ofSeconds(10), 500);

        assertThat(first).isEqualTo(second);
        assertThat(first.stream().map(Reading::toJson).map(String::new).toList())
                .isEqualTo(second.stream().map(Reading::toJson).map(String::new).toList());
    }

    private static double delta(Reading now, Reading before, String counter) {
        return now.values().get(counter).longValue()
                - before.values().get(counter).longValue();
    }

    @Test
    void aResumedHomeContinuesFromTheCountersItPublishedLast() {
        var earlier = run(TestHomes.berlin(1, "H1"), NOON, Duration.ofMinutes(1), 60);
        var last = earlier.subList(earlier.size() - 4, earlier.size());
        var stoppedAt = last.getFirst().time();
        var restarted = TestHomes.berlin(1, "H1");

        assertThat(restarted.resume(stoppedAt, published(last))).isTrue();
        var next = restarted.readingsAt(stoppedAt.plus(Duration.ofMinutes(5)));

        for (int device = 0; device < 4; device++) {
            var before = last.get(device).values();
            next.get(device).values().forEach((name, value) -> {
                if (name.endsWith("_wh")) {
                    // Five minutes at up to 25 kW is at most about 2.1 kWh more.
                    assertThat(value.doubleValue() - before.get(name).doubleValue())
                            .as(name)
                            .isBetween(0.0, 2_100.0);
                }
            });
        }
        var fresh = TestHomes.berlin(1, "H1").readingsAt(stoppedAt.plus(Duration.ofMinutes(5)));
        assertThat(fresh.getFirst().values().get("energy_import_wh"))
                .as("a home that is not resumed estimates its counters from its installation date instead")
                .isNotEqualTo(next.getFirst().values().get("energy_import_wh"));
    }

    @Test
    void isNotResumedWithoutEveryCounter() {
        var earlier = run(TestHomes.berlin(1, "H1"), NOON, Duration.ofMinutes(1), 10);
        var published = published(earlier.subList(earlier.size() - 4, earlier.size()));
        published.remove(DeviceKind.PV_INVERTER);
        var restarted = TestHomes.berlin(1, "H1");

        assertThat(restarted.resume(NOON, published)).isFalse();
        assertThat(restarted.readingsAt(NOON.plusSeconds(10))).hasSize(4);
    }

    /** The last values of each device as the platform keeps them: by metric name, as numbers. */
    private static Map<DeviceKind, Map<String, Double>> published(List<Reading> readings) {
        var published = new EnumMap<DeviceKind, Map<String, Double>>(DeviceKind.class);
        for (var reading : readings) {
            var values = new HashMap<String, Double>();
            reading.values().forEach((name, value) -> values.put(name, value.doubleValue()));
            published.put(reading.kind(), values);
        }
        return published;
    }

    private static List<Reading> run(SimulatedHome home, Instant start, Duration step, int ticks) {
        var readings = new ArrayList<Reading>();
        for (int tick = 0; tick <= ticks; tick++) {
            readings.addAll(home.readingsAt(start.plus(step.multipliedBy(tick))));
        }
        return readings;
    }
}
