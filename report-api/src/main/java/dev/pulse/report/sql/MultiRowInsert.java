package dev.pulse.report.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;

/**
 * One multi-row {@code INSERT ... VALUES (...), (...)} per chunk of items, every value a bind
 * variable. PostgreSQL's protocol counts a statement's parameters in 16 bits (at most 32767), so the
 * items are cut into chunks of at most {@link #MAX_BIND_VALUES} values; what follows the values
 * ({@code ON CONFLICT ...}) is the caller's and may bind a few more.
 */
public final class MultiRowInsert {

    /** Below PostgreSQL's 32767, leaving room for the few values an ON CONFLICT clause binds. */
    public static final int MAX_BIND_VALUES = 32_000;

    private MultiRowInsert() {
    }

    /**
     * @param fields     the columns, in the order of {@code values}
     * @param values     one item's values, one per field
     * @param onConflict completes each statement, e.g. {@code InsertValuesStepN::onConflictDoNothing}
     * @return the rows the statements inserted or updated
     */
    public static <R extends Record, T> int insert(DSLContext db, Table<R> table, List<? extends Field<?>> fields,
                                            Collection<T> items, Function<T, Object[]> values,
                                            Function<InsertValuesStepN<R>, ? extends Query> onConflict) {
        int perStatement = Math.max(1, MAX_BIND_VALUES / fields.size());
        List<T> all = new ArrayList<>(items);
        int written = 0;
        for (int from = 0; from < all.size(); from += perStatement) {
            InsertValuesStepN<R> insert = db.insertInto(table, fields);
            for (T item : all.subList(from, Math.min(all.size(), from + perStatement))) {
                Object[] row = values.apply(item);
                if (row.length != fields.size()) {
                    throw new IllegalArgumentException(row.length + " values for " + fields.size() + " columns");
                }
                insert = insert.values(row);
            }
            written += onConflict.apply(insert).execute();
        }
        return written;
    }
}
