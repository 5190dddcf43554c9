package org.gridvault.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.Environment;

/**
 * Personal data written through the API never appears in a dump of the database (P19), while the API still shows
 * it to those who may see it.
 */
@IntegrationTest
class EncryptionAtRestIntegrationTests {

    private static final Path PG_DUMP = Path.of("/usr/bin/pg_dump");

    private final ApiClient api;
    private final Environment environment;
    private final PrivacyProperties properties;

    EncryptionAtRestIntegrationTests(ApiClient api, Environment environment, PrivacyProperties properties) {
        this.api = api;
        this.environment = environment;
        this.properties = properties;
    }

    @Test
    void keepsCanaryValuesOutOfADatabaseDumpWhileTheApiStillShowsThem(@TempDir Path directory) throws Exception {
        assumeTrue(Files.isExecutable(PG_DUMP), "pg_dump (Debian package postgresql-client) is not installed");
        var canary = UUID.randomUUID().toString();
        var email = "canary-" + canary + "@example.org";
        var displayName = "Canary Person " + canary;
        var address = "Canary Lane 7, " + canary;
        var inviteeEmail = "canary-invitee-" + canary + "@example.org";
        var unknownEmail = "canary-unknown-" + canary + "@example.org";
        var siteName = "Canary Site " + UUID.randomUUID();
        var latitude = "47.36512874";
        var longitude = "8.54178123";
        var password = "password-" + canary;

        assertThat(api.signUp(email, password, displayName).status()).isEqualTo(201);
        var token = api.logIn(email, password);
        var site = api.post(
                "/api/v1/sites",
                token,
                Map.of(
                        "name",
                        siteName,
                        "timeZone",
                        "Europe/Zurich",
                        "region",
                        "eu",
                        "address",
                        address,
                        "latitude",
                        Double.parseDouble(latitude),
                        "longitude",
                        Double.parseDouble(longitude)));
        assertThat(site.status()).as(site.body()).isEqualTo(201);
        var siteId = site.json().path("id").asString();
        var invitation =
                api.post("/api/v1/sites/" + siteId + "/grants", token, Map.of("email", inviteeEmail, "role", "viewer"));
        assertThat(invitation.status()).as(invitation.body()).isEqualTo(201);
        assertThat(api.tryLogIn(unknownEmail, "not a password of anyone").status())
                .isEqualTo(401);

        var dump = new String(Files.readAllBytes(dumpDatabase(directory)), StandardCharsets.UTF_8);

        assertThat(dump.contains(siteName))
                .as("the dump has the rows (site names are not encrypted)")
                .isTrue();
        for (var secret :
                List.of(canary, email, displayName, address, inviteeEmail, unknownEmail, latitude, longitude)) {
            assertThat(dump.contains(secret)).as("the dump contains %s", secret).isFalse();
        }
        var me = api.get("/api/v1/me", token).json();
        assertThat(me.path("email").asString()).isEqualTo(email);
        assertThat(me.path("displayName").asString()).isEqualTo(displayName);
        var stored = api.get("/api/v1/sites/" + siteId, token).json();
        assertThat(stored.path("address").asString()).isEqualTo(address);
        assertThat(stored.path("latitude").asDouble()).isEqualTo(Double.parseDouble(latitude));
        assertThat(stored.path("longitude").asDouble()).isEqualTo(Double.parseDouble(longitude));
        assertThat(api.get("/api/v1/sites", token)
                        .json()
                        .valueStream()
                        .map(each -> each.path("address").asString()))
                .containsExactly(address);
        assertThat(api.get("/api/v1/sites/" + siteId + "/grants", token)
                        .json()
                        .valueStream()
                        .map(grant -> grant.path("email").asString()))
                .contains(inviteeEmail);
    }

    @Test
    void keepsTheKeyFileInTheDataDirectoryReadableByItsOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        var dataDirectory = Path.of(environment.getRequiredProperty("gridvault.data-dir"));

        assertThat(properties.keyFile().toAbsolutePath().normalize())
                .startsWith(dataDirectory.toAbsolutePath().normalize());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(properties.keyFile())))
                .isEqualTo("rw-------");
    }

    private Path dumpDatabase(Path directory) throws Exception {
        // jdbc:postgresql://127.0.0.1:port/database, user postgres without a password (see TestDatabase)
        var url = URI.create(
                environment.getRequiredProperty("spring.datasource.url").substring("jdbc:".length()));
        var dump = directory.resolve("dump.sql");
        var log = directory.resolve("pg_dump.log");
        var process = new ProcessBuilder(
                        PG_DUMP.toString(),
                        "--host=" + url.getHost(),
                        "--port=" + url.getPort(),
                        "--username=postgres",
                        "--no-password",
                        "--file=" + dump,
                        url.getPath().substring(1))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("pg_dump finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
        return dump;
    }
}
