package org.gridvault.privacy;

import java.io.OutputStream;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes everything GridVault holds about a person as one JSON document (promise P23, layout in
 * docs/privacy/export-format.md): an envelope with the format and version, then one part per module
 * ({@link PersonalDataExport}), each a list of tables. Streams: rows go to the output as the database returns them.
 *
 * <p>All parts are read in one read-only, repeatable-read transaction, so the export is one consistent snapshot.
 * Publishes {@link PersonalDataExported} when done (for a register of requests to record). Thread-safe.
 */
@Service
public class PersonalDataExporter {

    /** The layout's version; raise it when a change to the layout could break a reader. */
    public static final int FORMAT_VERSION = 1;

    public static final String FORMAT = "gridvault-personal-data";

    private final List<PersonalDataExport> parts;
    private final JdbcTemplate jdbc;
    private final PersonKeys keys;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PersonalDataExporter(
            List<PersonalDataExport> parts,
            DataSource dataSource,
            PersonKeys keys,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events,
            Clock clock) {
        this.parts = parts.stream()
                .sorted(Comparator.comparing(PersonalDataExport::schema))
                .toList();
        this.jdbc = new JdbcTemplate(dataSource);
        this.keys = keys;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.events = events;
        this.clock = clock;
    }

    /** Writes the person's export to {@code out} (which it does not close). */
    public void export(SubjectId subject, OutputStream out) {
        var exportedAt = clock.instant();
        try (var json = JsonMapper.shared().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("format", FORMAT);
            json.writeNumberProperty("version", FORMAT_VERSION);
            json.writeStringProperty("exportedAt", exportedAt.toString());
            json.writeStringProperty("subject", subject.value().toString());
            json.writeName("parts");
            json.writeStartArray();
            transactions.executeWithoutResult(status -> {
                for (var part : parts) {
                    json.writeStartObject();
                    json.writeStringProperty("module", part.schema());
                    json.writeName("tables");
                    json.writeStartArray();
                    part.write(subject, new ExportTables(part.schema(), json, jdbc, keys));
                    json.writeEndArray();
                    json.writeEndObject();
                    json.flush();
                }
            });
            json.writeEndArray();
            json.writeEndObject();
        }
        events.publishEvent(new PersonalDataExported(subject, "json", exportedAt));
    }
}
