package org.gridvault.privacy;

import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import org.gridvault.database.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Where modules report that they erased their part of a person ({@link ErasureRequested}). Call {@link #report} in
 * the transaction that erased the rows, so a report never claims more than was committed. Thread-safe.
 */
@Service
public class ErasureReports {

    private final JdbcClient jdbc;
    private final Clock clock;

    ErasureReports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that {@code part} has erased its data of the request's person; reporting again changes nothing. */
    public void report(PrivacyRequestId request, String part) {
        jdbc.sql("""
                        insert into privacy.erasure_reports (request_id, part, reported_at)
                        values (:request, :part, :now) on conflict do nothing
                        """)
                .param("request", request.value())
                .param("part", part)
                .param("now", Timestamps.of(clock.instant()))
                .update();
    }

    /** The parts that have reported for a request. */
    public Set<String> reported(PrivacyRequestId request) {
        return new TreeSet<>(jdbc.sql("select part from privacy.erasure_reports where request_id = :request")
                .param("request", request.value())
                .query(String.class)
                .list());
    }
}
