package org.gridvault.privacy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.gridvault.IntegrationTest;
import org.gridvault.TestDatabase;
import org.gridvault.database.ModuleSchemas;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class DataCatalogIntegrationTests {

    private final JdbcClient jdbc;
    private final ModuleSchemas schemas;

    DataCatalogIntegrationTests(JdbcClient jdbc, ModuleSchemas schemas) {
        this.jdbc = jdbc;
        this.schemas = schemas;
    }

    @Test
    void classifiesEveryColumnOfEveryModuleSchema() {
        var findings = CatalogCoverage.check(jdbc, DataCatalog.load(), schemas.modules());

        assertThat(findings)
                .as("columns the catalog and the schema disagree on")
                .isEmpty();
    }

    @Test
    void treatsDeviceAndTelemetryDataAsPersonal() {
        var catalog = DataCatalog.load();

        assertThat(catalog.tables())
                .filteredOn(table ->
                        table.schema().equals("telemetry") || table.schema().equals("devices"))
                .filteredOn(table -> !table.name().equals("provisioned_devices"))
                .isNotEmpty()
                .allSatisfy(table ->
                        assertThat(table.personal()).as(table.qualifiedName()).isTrue());
    }

    @Test
    void namesAnUnclassifiedColumnAndTheFileToEdit() {
        var database = new PGSimpleDataSource();
        database.setUrl(TestDatabase.newDatabase());
        database.setUser("postgres");
        var migrated = new ModuleSchemas(database);
        migrated.migrate();
        Flyway.configure()
                .dataSource(database)
                .schemas("accounts")
                .locations("classpath:db/test-migration/accounts")
                .table("flyway_test_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();

        var findings = CatalogCoverage.check(JdbcClient.create(database), DataCatalog.load(), migrated.modules());

        assertThat(findings)
                .extracting(CatalogCoverage.Finding::toString)
                .containsExactly("accounts.people.nickname: not classified; declare it in "
                        + "server/src/main/resources/privacy/catalog/accounts.yaml");
    }
}
