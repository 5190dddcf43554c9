package org.gridvault.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.gridvault.GridVaultApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded database as operators run it: every commit on disk, and the data still there after a restart. */
class DurableEmbeddedDatabaseIntegrationTests {

    @Test
    void flushesCommitsAndKeepsDataAcrossRestarts(@TempDir Path dataDirectory) {
        try (var server = EmbeddedPostgresServer.start(dataDirectory, 0, "gridvault", true)) {
            var jdbc = JdbcClient.create(server.dataSource());
            assertThat(setting(jdbc, "fsync")).isEqualTo("on");
            assertThat(setting(jdbc, "synchronous_commit")).isEqualTo("on");
            jdbc.sql("create table kept (note text)").update();
            jdbc.sql("insert into kept values ('still here')").update();
        }

        try (var restarted = EmbeddedPostgresServer.start(dataDirectory, 0, "gridvault", true)) {
            var notes = JdbcClient.create(restarted.dataSource())
                    .sql("select note from kept")
                    .query(String.class)
                    .list();
            assertThat(notes).containsExactly("still here");
        }
    }

    @Test
    void applicationStartsADurableDatabaseAndStopsItOnShutdown(@TempDir Path dataDirectory) {
        int port;
        try (var application = new SpringApplicationBuilder(GridVaultApplication.class)
                .run(
                        "--server.port=0",
                        "--gridvault.data-dir=" + dataDirectory,
                        "--gridvault.mqtt.enabled=false",
                        "--spring.main.banner-mode=off")) {
            var jdbc = JdbcClient.create(application.getBean(DataSource.class));
            assertThat(setting(jdbc, "fsync")).isEqualTo("on");
            assertThat(setting(jdbc, "synchronous_commit")).isEqualTo("on");
            assertThat(jdbc.sql("select current_setting('data_directory')")
                            .query(String.class)
                            .single())
                    .startsWith(dataDirectory.toString());
            port = application.getBean(EmbeddedPostgresServer.class).port();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> !acceptsConnections(port));
    }

    private static String setting(JdbcClient jdbc, String name) {
        return jdbc.sql("select current_setting(:name)")
                .param("name", name)
                .query(String.class)
                .single();
    }

    private static boolean acceptsConnections(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
