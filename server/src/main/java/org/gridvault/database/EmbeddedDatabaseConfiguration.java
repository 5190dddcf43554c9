package org.gridvault.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL when no external database is configured ({@code spring.datasource.url} unset).
 *
 * <p>The pool depends on the server, so on shutdown the pool closes first and the server stops after it. Pool
 * settings bind from {@code spring.datasource.hikari.*} as they would for an external database.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(DatabaseProperties properties) {
        return EmbeddedPostgresServer.start(
                properties.dataDirectory(),
                properties.port(),
                properties.databaseName(),
                properties.durable(),
                properties.existingOnly(),
                properties.settings());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        var pool = new HikariDataSource();
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername("postgres");
        pool.setPoolName("gridvault");
        return pool;
    }
}
