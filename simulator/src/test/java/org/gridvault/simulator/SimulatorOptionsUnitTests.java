package org.gridvault.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorOptionsUnitTests {

    @Test
    void readsDurationsInShortAndIsoForm() {
        assertThat(SimulatorOptions.duration("--interval", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(SimulatorOptions.duration("--interval", "10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(SimulatorOptions.duration("--interval", "1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(SimulatorOptions.duration("--duration", "2h")).isEqualTo(Duration.ofHours(2));
        assertThat(SimulatorOptions.duration("--duration", "PT90S")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void writesDurationsBackInShortForm() {
        assertThat(SimulatorOptions.shortForm(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(SimulatorOptions.shortForm(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(SimulatorOptions.shortForm(Duration.ofMinutes(1))).isEqualTo("1m");
        assertThat(SimulatorOptions.shortForm(Duration.ofHours(2))).isEqualTo("2h");
    }

    @Test
    void takesValuesAfterAnEqualsSignOrAsTheNextArgument() {
        var options = SimulatorOptions.parse(
                new String[] {
                    "--homes=3", "--seed", "7", "--speed=60", "--email", "e@example.org", "--broker=tcp://mq:1884"
                },
                Map.of(SimulatorOptions.PASSWORD_VARIABLE, "from-environment"));

        assertThat(options.homes()).isEqualTo(3);
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.speed()).isEqualTo(60);
        assertThat(options.password()).isEqualTo("from-environment");
        assertThat(options.broker().toString()).isEqualTo("tcp://mq:1884");
        assertThat(options.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.duration()).isNull();
    }

    @Test
    void explainsWhatIsWrongWithAValue() {
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--dry-run", "--homes", "0"}, Map.of()))
                .hasMessage("--homes wants a whole number from 1 to 100000, not '0'");
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--dry-run", "--speed", "fast"}, Map.of()))
                .hasMessageContaining("--speed wants a positive number");
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--dry-run", "--broker", "http://x"}, Map.of()))
                .hasMessageContaining("Unknown broker scheme");
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--dry-run", "--api", "localhost"}, Map.of()))
                .hasMessageContaining("--api wants GridVault's base URL");
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--dry-run", "--seed"}, Map.of()))
                .hasMessage("--seed needs a value");
    }
}
