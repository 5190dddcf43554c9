package org.gridvault.database;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the embedded PostgreSQL, used only when {@code spring.datasource.url} is not set.
 *
 * @param dataDirectory where the database cluster lives; kept across restarts
 * @param port the TCP port on 127.0.0.1; 0 picks a free one at every start
 * @param databaseName the database GridVault creates and uses inside the cluster
 * @param durable whether commits are flushed to disk ({@code fsync} and {@code synchronous_commit} on). Only
 *     throwaway test databases turn this off.
 * @param existingOnly use only a database that exists and is not running: never create one, never stop a running
 *     one. One-off commands ({@code ./gridvault audit verify}) set it, so that a mistyped data directory is reported
 *     and a running server's database is left alone.
 * @param settings further PostgreSQL settings for the embedded server, by name (such as {@code shared_buffers: 1GB}
 *     or {@code shared_preload_libraries: pg_stat_statements} to profile); durability and the listen address are
 *     not among them
 */
@Validated
@ConfigurationProperties("gridvault.database.embedded")
record DatabaseProperties(
        @DefaultValue("${gridvault.data-dir:./var}/postgres")
        Path dataDirectory,

        @DefaultValue("0") int port,
        @DefaultValue("gridvault") String databaseName,
        @DefaultValue("true") boolean durable,
        @DefaultValue("false") boolean existingOnly,
        Map<String, String> settings) {

    DatabaseProperties {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
