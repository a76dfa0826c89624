package dev.pulse.report.sql;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.postgresql.PGConnection;

/**
 * Many rows into a table in one statement: the rows are streamed with {@code COPY} (CSV) into a
 * session's temporary staging table, then moved with one {@code INSERT ... SELECT} in the order they
 * were given, either skipping a row that conflicts with one already there ({@code ON CONFLICT DO
 * NOTHING}: the first of two rows with one key wins, as with a multi-row insert) or adding its
 * figures to the stored row ({@link #upsertAdding}). Against a multi-row insert of bind values it
 * spares jOOQ rendering tens of thousands of values and PostgreSQL parsing them, per poll.
 *
 * <p>Call it inside the transaction that must hold the rows: the staging table is emptied at every
 * commit ({@code ON COMMIT DELETE ROWS}), so nothing stays behind on the pooled connection. COPY
 * carries data, never SQL: no value is inlined into a statement.
 */
public final class CopyInsert {

    private static final String ORDINAL = "copy_ordinal";

    private CopyInsert() {
    }

    /** @return the rows inserted (the others conflicted) */
    public static <T> int insertIgnoringConflicts(DSLContext db, Table<?> table, List<? extends Field<?>> fields,
                                                  Collection<T> items, Function<T, Object[]> values) {
        return copyThenInsert(db, table, fields, items, values, "on conflict do nothing");
    }

    /**
     * Additive upsert: a row new to the table is inserted as given; a row whose {@code key} exists
     * adds each of {@code added} to the stored figure and takes {@code replaced} as given. The items
     * must be unique by key (a statement may not update one row twice): sum the deltas first.
     *
     * @return the rows inserted or updated
     */
    public static <T> int upsertAdding(DSLContext db, Table<?> table, List<? extends Field<?>> fields,
                                       List<? extends Field<?>> key, List<? extends Field<?>> added,
                                       List<? extends Field<?>> replaced, Collection<T> items,
                                       Function<T, Object[]> values) {
        String target = table.getName();
        List<String> set = new ArrayList<>();
        added.forEach(f -> set.add(quoted(f) + " = " + target + "." + quoted(f) + " + excluded." + quoted(f)));
        replaced.forEach(f -> set.add(quoted(f) + " = excluded." + quoted(f)));
        return copyThenInsert(db, table, fields, items, values, "on conflict (" + columns(key) + ") do update set "
                + String.join(", ", set));
    }

    /**
     * Each table's staging is used once per transaction (it is emptied at commit): one call per
     * table and transaction, as the projector's writers make.
     */
    private static <T> int copyThenInsert(DSLContext db, Table<?> table, List<? extends Field<?>> fields,
                                          Collection<T> items, Function<T, Object[]> values, String onConflict) {
        if (items.isEmpty()) {
            return 0;
        }
        String target = table.getName();
        String staging = target + "_staging";
        String columns = columns(fields);
        String csv = csv(items, values, fields.size());
        return db.connectionResult(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create temporary table if not exists " + staging + " (like " + target
                        + " including defaults, " + ORDINAL + " bigint) on commit delete rows");
            }
            copy(connection, "copy " + staging + " (" + columns + ", " + ORDINAL + ") from stdin (format csv)", csv);
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("insert into " + target + " (" + columns + ") select " + columns
                        + " from " + staging + " order by " + ORDINAL + " " + onConflict);
            }
        });
    }

    private static String columns(List<? extends Field<?>> fields) {
        return fields.stream().map(CopyInsert::quoted).collect(Collectors.joining(", "));
    }

    private static String quoted(Field<?> field) {
        return '"' + field.getName() + '"';
    }

    private static void copy(Connection connection, String sql, String csv) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv));
        } catch (IOException e) {
            throw new SQLException("streaming rows to PostgreSQL failed", e);
        }
    }

    private static <T> String csv(Collection<T> items, Function<T, Object[]> values, int columns) {
        StringBuilder csv = new StringBuilder(items.size() * 256);
        long ordinal = 0;
        for (T item : items) {
            Object[] row = values.apply(item);
            if (row.length != columns) {
                throw new IllegalArgumentException(row.length + " values for " + columns + " columns");
            }
            for (Object value : row) {
                appendValue(csv, value);
                csv.append(',');
            }
            csv.append(ordinal++).append('\n');
        }
        return csv.toString();
    }

    /** CSV as COPY reads it: null is an unquoted empty field, every other value is quoted, quotes doubled. */
    static void appendValue(StringBuilder csv, Object value) {
        if (value == null) {
            return;
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        csv.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                csv.append('"');
            }
            csv.append(c);
        }
        csv.append('"');
    }
}
