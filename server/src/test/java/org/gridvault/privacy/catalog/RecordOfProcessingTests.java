package org.gridvault.privacy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridvault.retention.DefaultRetentionRules;
import org.gridvault.retention.RetentionRules;
import org.junit.jupiter.api.Test;

/**
 * The committed record of processing and notice data tables are exactly what the catalog and the default retention
 * rules generate. After changing either, regenerate them with {@code ./mvnw -pl server test -Dtest=RecordOfProcessingTests -Dgridvault.regenerate-docs=true}.
 */
class RecordOfProcessingTests {

    private static final Path RECORD = Path.of("../docs/privacy/record-of-processing.md");
    private static final Path NOTICE_TABLES = Path.of("../docs/privacy/notice-data-tables.md");

    private final DataCatalog catalog = DataCatalog.load();
    private final RetentionRules rules = DefaultRetentionRules.load();

    @Test
    void committedRecordOfProcessingIsWhatTheCatalogGenerates() throws IOException {
        assertCommitted(RECORD, RecordOfProcessing.render(catalog, rules::describe));
    }

    @Test
    void committedNoticeDataTablesAreWhatTheCatalogGenerates() throws IOException {
        assertCommitted(
                NOTICE_TABLES,
                "# What GridVault keeps, why and how long\n\n"
                        + RecordOfProcessing.noticeTables(catalog, rules::describe));
    }

    @Test
    void leavesNoFieldOfTheRecordEmpty() {
        var record = RecordOfProcessing.render(catalog, rules::describe);

        assertThat(record)
                .doesNotContain("|  |")
                .doesNotContain("| |")
                .doesNotContain("null")
                .doesNotContain("no retention rule");
        assertThat(record)
                .contains(
                        "## Purposes and legal bases",
                        "## Categories of data subjects",
                        "## Categories of personal data",
                        "## Recipients",
                        "## Transfers to third countries",
                        "## Time limits for erasure",
                        "## Technical and organisational security measures");
    }

    private static void assertCommitted(Path file, String generated) throws IOException {
        if (Boolean.getBoolean("gridvault.regenerate-docs")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated);
        }
        assertThat(Files.exists(file))
                .as("%s exists (regenerate with -Dgridvault.regenerate-docs=true)", file)
                .isTrue();
        assertThat(Files.readString(file))
                .as(
                        "%s differs from what the catalog generates; regenerate with -Dgridvault.regenerate-docs=true",
                        file)
                .isEqualTo(generated);
    }
}
