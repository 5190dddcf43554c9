package org.gridvault.telemetry;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gridvault.devices.DeviceId;

/**
 * A device and a time range {@code [from, to)}. Rollups read and write many devices at once, each in its own window;
 * statements take the windows as three array parameters and turn them into a relation with {@link #RELATION}.
 */
record DeviceWindow(DeviceId device, Instant from, Instant to) {

    /**
     * The windows bound by {@link #bind} as the relation {@code w(i, device_id, from_ts, to_ts)}, {@code i} being the
     * window's position in the list counting from 1. Joined laterally or by device and range to a table keyed by
     * (device_id, time), each window is one range scan of the key.
     */
    static final String RELATION = """
            (select u.i, u.device_id,
                timestamptz 'epoch' + u.from_micros * interval '1 microsecond' as from_ts,
                timestamptz 'epoch' + u.to_micros * interval '1 microsecond' as to_ts
            from unnest(cast(? as uuid[]), cast(? as int8[]), cast(? as int8[]))
                with ordinality as u(device_id, from_micros, to_micros, i)) w""";

    /** Binds the windows to the statement's first three parameters, for {@link #RELATION}. */
    static void bind(PreparedStatement statement, List<DeviceWindow> windows) throws SQLException {
        int n = windows.size();
        var devices = new UUID[n];
        var from = new long[n];
        var to = new long[n];
        for (int i = 0; i < n; i++) {
            var window = windows.get(i);
            devices[i] = window.device().value();
            from[i] = EpochMicros.of(window.from());
            to[i] = EpochMicros.of(window.to());
        }
        statement.setArray(1, statement.getConnection().createArrayOf("uuid", devices));
        statement.setObject(2, from);
        statement.setObject(3, to);
    }
}
