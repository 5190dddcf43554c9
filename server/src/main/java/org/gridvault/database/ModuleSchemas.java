package org.gridvault.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Migrates one PostgreSQL schema per module, each with its own Flyway history.
 *
 * <p>A module contributes migrations by placing them in {@code db/migration/<module>/}; the folder name is the
 * schema name. Separate histories let modules version their schemas independently, and since modules never refer
 * to each other's tables, the order in which schemas are migrated does not matter.
 */
public final class ModuleSchemas {

    private static final Logger log = LoggerFactory.getLogger(ModuleSchemas.class);
    private static final Pattern MODULE_FOLDER = Pattern.compile(".*/db/migration/([a-z_]+)/[^/]+\\.sql$");

    private final DataSource dataSource;
    private final List<String> modules;

    public ModuleSchemas(DataSource dataSource) {
        this(dataSource, "classpath*:db/migration/*/*.sql");
    }

    ModuleSchemas(DataSource dataSource, String locationPattern) {
        this.dataSource = dataSource;
        this.modules = discover(locationPattern);
    }

    /** The schemas found on the classpath, one per module that has migrations. */
    public List<String> modules() {
        return modules;
    }

    /** Brings every module schema up to date. */
    public void migrate() {
        for (var module : modules) {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(module)
                    .createSchemas(true)
                    .locations("classpath:db/migration/" + module)
                    .table("flyway_schema_history")
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info(
                        "Schema {}: applied {} migration(s), now at {}",
                        module,
                        result.migrationsExecuted,
                        result.targetSchemaVersion);
            }
        }
    }

    private static List<String> discover(String locationPattern) {
        try {
            var found = new TreeSet<String>();
            for (var resource : new PathMatchingResourcePatternResolver().getResources(locationPattern)) {
                var matcher = MODULE_FOLDER.matcher(Objects.toString(resource.getURL()));
                if (matcher.matches()) {
                    found.add(matcher.group(1));
                }
            }
            return List.copyOf(found);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the module migrations", e);
        }
    }
}
