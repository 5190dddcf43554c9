package org.gridvault.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Moves {@link Instant}s in and out of {@code timestamptz} columns. The PostgreSQL driver has no direct
 * {@code Instant} mapping; {@link Timestamp} carries the same point in time exactly.
 */
public final class Timestamps {

    private Timestamps() {}

    public static @Nullable Timestamp of(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static @Nullable Instant read(ResultSet row, String column) throws SQLException {
        var value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static Instant readRequired(ResultSet row, String column) throws SQLException {
        var value = read(row, column);
        if (value == null) {
            throw new IllegalStateException("Column " + column + " is unexpectedly null");
        }
        return value;
    }
}
