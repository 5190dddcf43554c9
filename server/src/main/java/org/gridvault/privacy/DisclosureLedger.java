package org.gridvault.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.gridvault.database.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who received whose data: an entry for every allowed access to a person's data by anyone else, written by the
 * decision point in the same call that allows it, so no disclosure goes unrecorded. Answers "who received my data",
 * newest first.
 */
@Service
public class DisclosureLedger {

    private final JdbcClient jdbc;

    DisclosureLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(DecisionRequest request, String basis, Instant at) {
        var grant = request.grant();
        jdbc.sql("""
                        insert into privacy.disclosures (disclosed_at, subject_id, recipient_person_id,
                            recipient_organisation, categories, resource, purpose, basis)
                        values (:at, :subject, :recipient, :organisation, :categories, :resource, :purpose, :basis)
                        """)
                .param("at", Timestamps.of(at))
                .param("subject", request.subject().value())
                .param("recipient", request.actor().value())
                .param("organisation", grant == null ? null : grant.organisationId())
                .param("categories", request.categories().stream().sorted().toArray(String[]::new))
                .param("resource", request.resource())
                .param("purpose", request.purpose().wireName())
                .param("basis", basis)
                .update();
    }

    /** The person's disclosures, newest first, a page at a time. */
    public List<Disclosure> of(SubjectId subject, int page, int size) {
        return jdbc.sql("""
                        select * from privacy.disclosures where subject_id = :subject
                        order by id desc limit :size offset :offset
                        """)
                .param("subject", subject.value())
                .param("size", size)
                .param("offset", (long) page * size)
                .query(DisclosureLedger::map)
                .list();
    }

    public long count(SubjectId subject) {
        return jdbc.sql("select count(*) from privacy.disclosures where subject_id = :subject")
                .param("subject", subject.value())
                .query(Long.class)
                .single();
    }

    private static Disclosure map(ResultSet row, int index) throws SQLException {
        return new Disclosure(
                row.getLong("id"),
                Timestamps.readRequired(row, "disclosed_at"),
                new SubjectId(row.getObject("subject_id", UUID.class)),
                row.getObject("recipient_person_id", UUID.class),
                row.getObject("recipient_organisation", UUID.class),
                Arrays.asList((String[]) row.getArray("categories").getArray()),
                row.getString("resource"),
                Purpose.byWireName(row.getString("purpose")).orElseThrow(),
                row.getString("basis"));
    }
}
