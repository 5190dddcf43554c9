package org.gridvault;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads {@code telemetry.samples} directly, to check what really reached storage. */
public final class StoredSamples {

    private final JdbcClient jdbc;

    public StoredSamples(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count(UUID device) {
        return jdbc.sql("select count(*) from telemetry.samples where device_id = ?")
                .param(device)
                .query(Long.class)
                .single();
    }

    /** The device's rows, oldest first, each with {@code ts} and every metric column (null when not reported). */
    public List<Map<String, Object>> rows(UUID device) {
        return jdbc.sql("select * from telemetry.samples where device_id = ? order by ts")
                .param(device)
                .query()
                .listOfRows();
    }
}
