package org.gridvault.privacy;

import java.sql.Array;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.gridvault.database.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A person's restriction of processing (only storage and legal claims remain allowed) and objections to purposes
 * (that purpose is off; for marketing, absolutely). The decision point honours both on every decision.
 */
@Service
public class ProcessingFlags {

    /** The flags of one person. */
    public record Flags(boolean restricted, Set<Purpose> objections) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    ProcessingFlags(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Flags of(SubjectId subject) {
        return jdbc.sql("select restricted, objections from privacy.processing_flags where subject_id = :id")
                .param("id", subject.value())
                .query((row, i) -> new Flags(row.getBoolean("restricted"), purposes(row.getArray("objections"))))
                .optional()
                .orElse(new Flags(false, Set.of()));
    }

    public void restrict(SubjectId subject, boolean restricted) {
        var current = of(subject);
        save(subject, restricted, current.objections());
    }

    public void object(SubjectId subject, Purpose purpose, boolean objecting) {
        var current = of(subject);
        var objections = new TreeSet<>(current.objections());
        if (objecting) {
            objections.add(purpose);
        } else {
            objections.remove(purpose);
        }
        save(subject, current.restricted(), objections);
    }

    private void save(SubjectId subject, boolean restricted, Set<Purpose> objections) {
        jdbc.sql("""
                        insert into privacy.processing_flags (subject_id, restricted, objections, updated_at)
                        values (:id, :restricted, :objections, :now)
                        on conflict (subject_id) do update set restricted = excluded.restricted,
                            objections = excluded.objections, updated_at = excluded.updated_at
                        """)
                .param("id", subject.value())
                .param("restricted", restricted)
                .param("objections", objections.stream().map(Purpose::wireName).toArray(String[]::new))
                .param("now", Timestamps.of(clock.instant()))
                .update();
    }

    private static Set<Purpose> purposes(Array array) throws java.sql.SQLException {
        var names = (String[]) array.getArray();
        var purposes = new TreeSet<Purpose>();
        Arrays.stream(names).forEach(name -> Purpose.byWireName(name).ifPresent(purposes::add));
        return purposes;
    }
}
