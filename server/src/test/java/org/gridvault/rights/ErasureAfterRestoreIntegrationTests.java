package org.gridvault.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gridvault.ApiClient;
import org.gridvault.GridVaultApplication;
import org.gridvault.TestDatabase;
import org.gridvault.privacy.FieldBinding;
import org.gridvault.privacy.PersonKeys;
import org.gridvault.privacy.PrivacyRequests;
import org.gridvault.privacy.Pseudonyms;
import org.gridvault.privacy.SubjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A backup made before an erasure, restored into a fresh database, does not bring the person back (P18): GridVault
 * replays the erasure ledger (kept next to the key file, outside the database) at start-up, erases them again and
 * destroys their key again, so their old ciphertext cannot be decrypted. Also: cancellations that came due while
 * GridVault was not running are carried out at start-up, and without a grace period a cancellation takes effect at
 * once.
 */
class ErasureAfterRestoreIntegrationTests {

    private static final Path PG_DUMP = Path.of("/usr/bin/pg_dump");
    private static final Path PSQL = Path.of("/usr/bin/psql");

    @Test
    void erasesThePersonAgainWhenADatabaseFromBeforeTheErasureIsRestored(@TempDir Path dataDirectory) throws Exception {
        assumeTrue(Files.isExecutable(PG_DUMP) && Files.isExecutable(PSQL), "postgresql-client is not installed");
        var before = TestDatabase.newDatabase();
        ApiClient.Account person;
        ApiClient.Account cancelling;
        String site;
        byte[] emailCiphertext;
        var dump = dataDirectory.resolve("backup.sql");
        try (var first = start(dataDirectory, before)) {
            var api = new ApiClient(port(first));
            var rights = new Rights(api);
            person = api.newPerson();
            site = rights.newSite(person);
            cancelling = api.newPerson();
            rights.reauthenticate(cancelling);
            var cancellation = api.post("/api/v1/me/cancellation", cancelling.token(), null);
            assertThat(cancellation.json().path("request").path("status").asString())
                    .isEqualTo("scheduled");
            emailCiphertext = first.getBean(JdbcClient.class)
                    .sql("select email_ciphertext from accounts.people where id = :id")
                    .param("id", person.id())
                    .query(byte[].class)
                    .single();
            run(PG_DUMP, "--file=" + dump, before, dataDirectory.resolve("pg_dump.log"));
            rights.reauthenticate(person);

            var erased = api.post("/api/v1/me/erasure", person.token(), null);

            assertThat(erased.status()).as(erased.body()).isEqualTo(202);
            assertThat(erased.json().path("complete").asBoolean()).isTrue();
        }
        var restored = TestDatabase.newDatabase();
        run(PSQL, "--file=" + dump, restored, dataDirectory.resolve("psql.log"));
        assertThat(single(restored, "select count(*) from accounts.people where id = ?", person.id()))
                .as("the backup has the person")
                .isOne();
        assertThat(single(restored, "select count(*) from privacy.person_keys where subject_id = ?", person.id()))
                .as("and their key")
                .isOne();

        // The cancellation's grace period ended while GridVault was not running.
        assertThat(single(
                        restored,
                        "update privacy.requests set effective_at = now() - interval '1 day'"
                                + " where subject_id = ? and type = 'cancellation' returning 1",
                        cancelling.id()))
                .isOne();

        try (var second = start(dataDirectory, restored, "--gridvault.rights.cancellation-grace=0")) {
            var api = new ApiClient(port(second));
            var jdbc = second.getBean(JdbcClient.class);
            var subject = new SubjectId(person.id());

            assertThat(new PersonalRows(jdbc).mentioning(person.id(), Set.of()))
                    .as("personal tables mentioning the person after the restore")
                    .isEmpty();
            assertThat(new PersonalRows(jdbc).mentioning(site, Set.of("privacy.audit_log")))
                    .isEmpty();
            assertThat(second.getBean(PersonKeys.class)
                            .decrypt(
                                    subject,
                                    emailCiphertext,
                                    FieldBinding.of("accounts.people.email_ciphertext", person.id())))
                    .as("the old ciphertext")
                    .isEmpty();
            assertThat(api.tryLogIn(person.email(), person.password()).status()).isEqualTo(401);
            var reference = second.getBean(Pseudonyms.class).reference(subject);
            assertThat(second.getBean(PrivacyRequests.class).all(PrivacyRequests.Filter.ALL))
                    .filteredOn(request -> request.subjectRef().equals(reference))
                    .filteredOn(request -> "replayed from the erasure ledger".equals(request.detail()))
                    .singleElement()
                    .satisfies(
                            request -> assertThat(request.status().wireName()).isEqualTo("completed"));
        }
        var ledger = Files.readString(dataDirectory.resolve("keys/gridvault-erasures.log"));
        assertThat(ledger).startsWith("psn_").doesNotContain(person.id().toString(), person.email());
    }

    private static ConfigurableApplicationContext start(Path dataDirectory, String databaseUrl, String... more) {
        var arguments = new java.util.ArrayList<>(List.of(more));
        arguments.addAll(List.of(
                "--gridvault.data-dir=" + dataDirectory,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--server.port=0",
                "--gridvault.mqtt.port=" + TestDatabase.freePort(),
                "--gridvault.mqtt.bind-address=127.0.0.1",
                "--gridvault.mqtt.persistence=in-memory"));
        return new SpringApplicationBuilder(GridVaultApplication.class).run(arguments.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static void run(Path tool, String fileArgument, String databaseUrl, Path log) throws Exception {
        var url = URI.create(databaseUrl.substring("jdbc:".length()));
        var command = new java.util.ArrayList<>(List.of(
                tool.toString(),
                "--host=" + url.getHost(),
                "--port=" + url.getPort(),
                "--username=postgres",
                "--no-password",
                fileArgument,
                url.getPath().substring(1)));
        if (tool.equals(PSQL)) {
            command.add(1, "--set=ON_ERROR_STOP=1");
            command.add(1, "--quiet");
        }
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(tool + " finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
    }

    private static long single(String databaseUrl, String sql, UUID id) throws Exception {
        try (var connection = DriverManager.getConnection(databaseUrl, "postgres", "");
                var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
