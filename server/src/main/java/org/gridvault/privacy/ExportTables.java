package org.gridvault.privacy;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gridvault.database.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.JsonGenerator;

/**
 * Writes one module's tables into a person's export, row by row as the database returns them, so that a long
 * telemetry history never sits in memory. Each table becomes {@code {"table", "columns", "withheld", "rows"}} (see
 * docs/privacy/export-format.md). Not thread-safe: one export, one thread.
 */
public final class ExportTables {

    private static final String CIPHERTEXT = "_ciphertext";

    private final String schema;
    private final JsonGenerator json;
    private final JdbcTemplate jdbc;
    private final PersonKeys keys;

    ExportTables(String schema, JsonGenerator json, JdbcTemplate jdbc, PersonKeys keys) {
        this.schema = schema;
        this.json = json;
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** Starts a table of the module's schema; finish it with {@link Table#query}. */
    public Table table(String name) {
        return new Table(name);
    }

    /** One table of the export: which columns to withhold or decrypt, then the query that selects the rows. */
    public final class Table {

        private final String name;
        private final Map<String, String> withheld = new LinkedHashMap<>();
        private final Map<String, String> decrypted = new LinkedHashMap<>();
        private final List<String> omitted = new ArrayList<>();

        private Table(String name) {
            this.name = name;
        }

        /** Leaves a column out of the rows, and says in the export why (credentials, keys, lookup hashes). */
        public Table withhold(String column, String reason) {
            withheld.put(column, reason);
            return this;
        }

        /**
         * Decrypts a {@code *_ciphertext} column with the key of the person whose id is in {@code keyColumn}; the
         * row's {@code id} binds the ciphertext. The export names the column without the suffix.
         */
        public Table decrypt(String column, String keyColumn) {
            decrypted.put(column, keyColumn);
            return this;
        }

        /** Drops a helper column the query selects only to decrypt with (such as the key owner of a join). */
        public Table omit(String column) {
            omitted.add(column);
            return this;
        }

        /**
         * Runs the query and writes every row. A {@link Collection} argument becomes a {@code uuid[]} (use it with
         * {@code = any(?)}).
         */
        public void query(String sql, Object... arguments) {
            jdbc.query(
                    connection -> {
                        PreparedStatement statement = connection.prepareStatement(sql);
                        statement.setFetchSize(1000);
                        for (int i = 0; i < arguments.length; i++) {
                            if (arguments[i] instanceof Collection<?> values) {
                                statement.setArray(i + 1, connection.createArrayOf("uuid", values.toArray()));
                            } else {
                                statement.setObject(i + 1, arguments[i]);
                            }
                        }
                        return statement;
                    },
                    (ResultSet rows) -> {
                        write(rows);
                        return null;
                    });
        }

        private void write(ResultSet rows) throws SQLException {
            var meta = rows.getMetaData();
            var columns = new ArrayList<String>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                var column = meta.getColumnLabel(i);
                if (!withheld.containsKey(column) && !omitted.contains(column)) {
                    columns.add(exportName(column));
                }
            }
            json.writeStartObject();
            json.writeStringProperty("table", schema + "." + name);
            json.writeName("columns");
            json.writeStartArray();
            columns.forEach(json::writeString);
            json.writeEndArray();
            json.writeName("withheld");
            json.writeStartObject();
            withheld.forEach(json::writeStringProperty);
            json.writeEndObject();
            json.writeName("rows");
            json.writeStartArray();
            while (rows.next()) {
                writeRow(rows, meta);
            }
            json.writeEndArray();
            json.writeEndObject();
        }

        private void writeRow(ResultSet row, ResultSetMetaData meta) throws SQLException {
            json.writeStartObject();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                var column = meta.getColumnLabel(i);
                if (withheld.containsKey(column) || omitted.contains(column)) {
                    continue;
                }
                if (decrypted.containsKey(column)) {
                    var owner = row.getObject(decrypted.get(column), UUID.class);
                    var plaintext = owner == null
                            ? null
                            : keys.decrypt(
                                            new SubjectId(owner),
                                            row.getBytes(i),
                                            FieldBinding.of(
                                                    schema + "." + name + "." + column,
                                                    row.getObject("id", UUID.class)))
                                    .orElse(null);
                    if (plaintext != null) {
                        json.writeStringProperty(exportName(column), plaintext);
                    }
                    continue;
                }
                if (row.getObject(i) == null) {
                    continue;
                }
                json.writeName(column);
                writeValue(row, i, meta.getColumnType(i), meta.getColumnTypeName(i), column);
            }
            json.writeEndObject();
        }

        private void writeValue(ResultSet row, int index, int type, String typeName, String column)
                throws SQLException {
            switch (type) {
                case Types.SMALLINT, Types.INTEGER, Types.BIGINT -> json.writeNumber(row.getLong(index));
                case Types.REAL, Types.FLOAT, Types.DOUBLE -> json.writeNumber(row.getDouble(index));
                case Types.NUMERIC, Types.DECIMAL -> json.writeNumber(row.getBigDecimal(index));
                case Types.BIT, Types.BOOLEAN -> json.writeBoolean(row.getBoolean(index));
                case Types.DATE ->
                    json.writeString(row.getDate(index).toLocalDate().toString());
                case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE ->
                    json.writeString(String.valueOf(Timestamps.read(row, column)));
                case Types.ARRAY -> writeArray(row.getArray(index));
                case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> {
                    if (column.endsWith(CIPHERTEXT)) {
                        throw new IllegalStateException("%s.%s.%s is encrypted: decrypt or withhold it in the export"
                                .formatted(schema, name, column));
                    }
                    json.writeString(HexFormat.of().formatHex(row.getBytes(index)));
                }
                default -> {
                    if (typeName.equals("json") || typeName.equals("jsonb")) {
                        json.writeRawValue(row.getString(index));
                    } else {
                        json.writeString(row.getString(index));
                    }
                }
            }
        }

        private void writeArray(Array array) throws SQLException {
            json.writeStartArray();
            for (var element : (Object[]) array.getArray()) {
                if (element == null) {
                    json.writeNull();
                } else if (element instanceof Number number) {
                    json.writeNumber(
                            number.doubleValue() == number.longValue() ? number.longValue() : number.doubleValue());
                } else {
                    json.writeString(element.toString());
                }
            }
            json.writeEndArray();
        }

        private String exportName(String column) {
            return decrypted.containsKey(column) && column.endsWith(CIPHERTEXT)
                    ? column.substring(0, column.length() - CIPHERTEXT.length())
                    : column;
        }
    }
}
