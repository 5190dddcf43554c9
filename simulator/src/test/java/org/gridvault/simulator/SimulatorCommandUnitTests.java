package org.gridvault.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorCommandUnitTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final SimulatorCommand command = new SimulatorCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-11-21T10:15:00Z"), ZoneOffset.UTC),
            Map.of());

    @Test
    void printsUsageForHelp() {
        assertThat(command.run(new String[] {"--help"})).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Usage: gridvault simulate", "--homes N", "--broker URI");
    }

    @Test
    void rejectsUnknownOptionsWithExitCodeTwo() {
        assertThat(command.run(new String[] {"--hoems", "3"})).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option '--hoems'", "--help");
    }

    @Test
    void rejectsABadIntervalWithExitCodeTwo() {
        assertThat(command.run(new String[] {"--dry-run", "--interval", "ten"})).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--interval wants a positive duration like 500ms, 10s, 1m or 2h, not 'ten'");
    }

    @Test
    void asksForCredentialsUnlessDryRunning() {
        assertThat(command.run(new String[] {"--homes", "2"})).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--email and --password are needed");
    }

    @Test
    void explainsWhenGridVaultCannotBeReached() {
        int exit = command.run(new String[] {
            "--homes", "1", "--api", "http://127.0.0.1:1", "--email", "sim@example.org", "--password", "pw"
        });

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("cannot reach GridVault at http://127.0.0.1:1", "Is the server running?");
    }

    @Test
    void dryRunPrintsReadingsForTheGivenDuration() {
        int exit = command.run(new String[] {"--dry-run", "--homes", "2", "--interval", "50ms", "--duration", "120ms"});

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(
                        "gv/v1/SIM-DRYRUN-H001-GM/telemetry {\"ts\":\"2026-11-21T10:15:00Z\"",
                        "gv/v1/SIM-DRYRUN-H002-EV/telemetry",
                        "Stopped: ");
    }
}
