package org.gridvault.database;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migrates the module schemas before anything can query them: the {@link JdbcClient} every module uses exists only
 * once the migrations have run.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    ModuleSchemas moduleSchemas(DataSource dataSource) {
        var schemas = new ModuleSchemas(dataSource);
        schemas.migrate();
        return schemas;
    }

    @Bean
    JdbcClient jdbcClient(DataSource dataSource, ModuleSchemas migrated) {
        return JdbcClient.create(dataSource);
    }
}
