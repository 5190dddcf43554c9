package org.gridvault.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.gridvault.ApiClient;
import org.gridvault.CommandMode;
import org.gridvault.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ./gridvault audit verify} as the launcher runs it: the application in command mode (no web server, no MQTT)
 * against the database of the test context, printing its verdict and answering with its exit code.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AuditVerifyCommandIntegrationTests {

    private final ApiClient api;
    private final JdbcClient jdbc;
    private final String databaseUrl;

    AuditVerifyCommandIntegrationTests(ApiClient api, JdbcClient jdbc, Environment environment) {
        this.api = api;
        this.jdbc = jdbc;
        this.databaseUrl = environment.getRequiredProperty("spring.datasource.url");
    }

    @Test
    void exitsWithZeroWhenTheLogIsIntact(CapturedOutput output) {
        api.newPerson();

        assertThat(verify()).isZero();
        assertThat(output.getOut()).contains("Audit log intact:");
    }

    @Test
    void exitsWithOneAndNamesTheChangedEntryWhenTheLogIsBroken(CapturedOutput output) {
        var person = api.newPerson();
        var seq = jdbc.sql("select max(seq) from privacy.audit_log where action = 'accounts.login.succeeded'")
                .query(Long.class)
                .single();
        var original = jdbc.sql("select actor from privacy.audit_log where seq = :seq")
                .param("seq", seq)
                .query(String.class)
                .single();

        try {
            jdbc.sql("update privacy.audit_log set actor = 'system:nobody' where seq = :seq")
                    .param("seq", seq)
                    .update();

            assertThat(verify()).isEqualTo(1);
            assertThat(output.getOut())
                    .contains("Audit log BROKEN", "first broken entry " + seq, "entry " + seq + ": changed:");
        } finally {
            jdbc.sql("update privacy.audit_log set actor = :actor where seq = :seq")
                    .param("seq", seq)
                    .param("actor", original)
                    .update();
        }
        assertThat(person.token()).isNotBlank();
    }

    @Test
    void refusesADataDirectoryWithoutADatabaseAndCreatesNothing(@TempDir Path directory, CapturedOutput output) {
        var missing = directory.resolve("mistyped");

        var exitCode = CommandMode.run("--gridvault.command=audit-verify", "--gridvault.data-dir=" + missing);

        assertThat(exitCode).isEqualTo(CommandMode.FAILED);
        assertThat(output.getErr()).contains("No database in");
        assertThat(missing).doesNotExist();
    }

    private int verify() {
        return CommandMode.run(
                "--gridvault.command=audit-verify",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--gridvault.data-dir=target/audit-command-tests");
    }
}
