package dev.pulse.report.funnel;

import static dev.pulse.report.db.Tables.FUNNEL_CELL;
import static dev.pulse.report.db.Tables.FUNNEL_REVENUE;
import static dev.pulse.report.db.Tables.FUNNEL_STAGE;
import static dev.pulse.report.db.Tables.FUNNEL_STAGE_DAYS;
import static dev.pulse.report.db.Tables.FUNNEL_TRANSITION;
import static org.jooq.impl.DSL.any;

import dev.pulse.events.changes.CustomerChange;
import dev.pulse.report.sql.CopyInsert;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * A poll's summed funnel deltas, one per cell of each {@link dev.pulse.report.funnel.FunnelGrain}, added in SQL: funnel_cell (customers, with_sale)
 * and its typed rollups funnel_stage, funnel_transition, funnel_stage_days and funnel_revenue (one
 * row per currency: amounts of different currencies are never added), one upsert per table from
 * rows streamed with COPY ({@code figure = figure + excluded.figure}), nothing read back.
 *
 * <p>Two projector instances may add to one cell (customers of one team sit on several
 * partitions). The upsert's row lock on the funnel_cell row makes the second wait for the first's
 * commit, and every cell with a delta is upserted there first, in key order: so the cell row is the
 * lock of all the cell's typed rows, taken in one order by everyone, and no update is lost.
 *
 * <p>Rows reaching zero are deleted, so the tables never hold zero rows (as the cells' JSON never
 * held zero entries): a cell left without customers with all its typed rows, as before, and any
 * typed row whose figures all reached zero. Only rows the poll subtracted from are checked.
 */
public final class FunnelWriter {

    private static final List<Field<?>> CELL_COLUMNS = List.of(FUNNEL_CELL.CELL_KEY, FUNNEL_CELL.GRAIN,
            FUNNEL_CELL.COHORT_DAY, FUNNEL_CELL.REP_ID, FUNNEL_CELL.TEAM_ID, FUNNEL_CELL.SOURCE, FUNNEL_CELL.CUSTOMERS, FUNNEL_CELL.WITH_SALE,
            FUNNEL_CELL.UPDATED_AT);
    private static final List<Field<?>> STAGE_COLUMNS = List.of(FUNNEL_STAGE.COHORT_DAY, FUNNEL_STAGE.CELL_KEY, FUNNEL_STAGE.GRAIN,
            FUNNEL_STAGE.STAGE, FUNNEL_STAGE.REP_ID, FUNNEL_STAGE.TEAM_ID, FUNNEL_STAGE.SOURCE, FUNNEL_STAGE.REACHED,
            FUNNEL_STAGE.AT_STAGE);
    private static final List<Field<?>> TRANSITION_COLUMNS = List.of(FUNNEL_TRANSITION.COHORT_DAY,
            FUNNEL_TRANSITION.CELL_KEY, FUNNEL_TRANSITION.GRAIN, FUNNEL_TRANSITION.FROM_STAGE, FUNNEL_TRANSITION.TO_STAGE,
            FUNNEL_TRANSITION.REP_ID, FUNNEL_TRANSITION.TEAM_ID, FUNNEL_TRANSITION.SOURCE, FUNNEL_TRANSITION.N);
    private static final List<Field<?>> DAYS_COLUMNS = List.of(FUNNEL_STAGE_DAYS.COHORT_DAY,
            FUNNEL_STAGE_DAYS.CELL_KEY, FUNNEL_STAGE_DAYS.GRAIN, FUNNEL_STAGE_DAYS.STAGE, FUNNEL_STAGE_DAYS.DAYS, FUNNEL_STAGE_DAYS.REP_ID,
            FUNNEL_STAGE_DAYS.TEAM_ID, FUNNEL_STAGE_DAYS.SOURCE, FUNNEL_STAGE_DAYS.N);
    private static final List<Field<?>> REVENUE_COLUMNS = List.of(FUNNEL_REVENUE.COHORT_DAY, FUNNEL_REVENUE.CELL_KEY,
            FUNNEL_REVENUE.GRAIN, FUNNEL_REVENUE.CURRENCY, FUNNEL_REVENUE.REP_ID, FUNNEL_REVENUE.TEAM_ID,
            FUNNEL_REVENUE.SOURCE, FUNNEL_REVENUE.REVENUE);

    private FunnelWriter() {
    }

    /**
     * Adds the poll's funnel deltas: summed first, one per cell of each grain, whatever the number
     * of records that touched it, in key order (the order rows are locked in).
     */
    public static void add(DSLContext db, List<CustomerChange> changes, OffsetDateTime now) {
        Map<String, FunnelRollup> funnel = new TreeMap<>();
        for (CustomerChange change : changes) {
            change.funnel().forEach(delta -> FunnelRollup.addAtEveryGrain(delta, funnel));
        }
        add(db, funnel.values(), now);
    }

    /** @param deltas one summed delta per cell of each grain, in key order */
    private static void add(DSLContext db, Collection<FunnelRollup> deltas, OffsetDateTime now) {
        List<FunnelRollup> changed = deltas.stream().filter(delta -> !delta.cell().isZero()).toList();
        if (changed.isEmpty()) {
            return; // a cell whose changes cancel out in the poll: nothing to add, nothing to create
        }
        FunnelRows rows = FunnelRows.of(changed);
        CopyInsert.upsertAdding(db, FUNNEL_CELL, CELL_COLUMNS, List.of(FUNNEL_CELL.CELL_KEY),
                List.of(FUNNEL_CELL.CUSTOMERS, FUNNEL_CELL.WITH_SALE), List.of(FUNNEL_CELL.UPDATED_AT), changed,
                rollup -> new Object[] {rollup.key(), rollup.grain().name(), rollup.cohortDay(), rollup.repId(),
                        rollup.teamId(), rollup.source(), rollup.cell().customers(), rollup.cell().withSale(), now});
        CopyInsert.upsertAdding(db, FUNNEL_STAGE, STAGE_COLUMNS,
                List.of(FUNNEL_STAGE.COHORT_DAY, FUNNEL_STAGE.CELL_KEY, FUNNEL_STAGE.STAGE),
                List.of(FUNNEL_STAGE.REACHED, FUNNEL_STAGE.AT_STAGE), List.of(), rows.stages(), row -> new Object[] {
                        row.cell().cohortDay(), row.cell().key(), row.cell().grain().name(), row.stage(),
                        row.cell().repId(), row.cell().teamId(), row.cell().source(), row.reached(), row.atStage()});
        CopyInsert.upsertAdding(db, FUNNEL_TRANSITION, TRANSITION_COLUMNS, List.of(FUNNEL_TRANSITION.COHORT_DAY,
                        FUNNEL_TRANSITION.CELL_KEY, FUNNEL_TRANSITION.FROM_STAGE, FUNNEL_TRANSITION.TO_STAGE),
                List.of(FUNNEL_TRANSITION.N), List.of(), rows.transitions(), row -> new Object[] {
                        row.cell().cohortDay(), row.cell().key(), row.cell().grain().name(), row.from(), row.to(),
                        row.cell().repId(), row.cell().teamId(), row.cell().source(), row.n()});
        CopyInsert.upsertAdding(db, FUNNEL_STAGE_DAYS, DAYS_COLUMNS, List.of(FUNNEL_STAGE_DAYS.COHORT_DAY,
                        FUNNEL_STAGE_DAYS.CELL_KEY, FUNNEL_STAGE_DAYS.STAGE, FUNNEL_STAGE_DAYS.DAYS),
                List.of(FUNNEL_STAGE_DAYS.N), List.of(), rows.stageDays(), row -> new Object[] {
                        row.cell().cohortDay(), row.cell().key(), row.cell().grain().name(), row.stage(), row.days(),
                        row.cell().repId(), row.cell().teamId(), row.cell().source(), row.n()});
        CopyInsert.upsertAdding(db, FUNNEL_REVENUE, REVENUE_COLUMNS,
                List.of(FUNNEL_REVENUE.COHORT_DAY, FUNNEL_REVENUE.CELL_KEY, FUNNEL_REVENUE.CURRENCY),
                List.of(FUNNEL_REVENUE.REVENUE), List.of(), rows.revenues(), row -> new Object[] {
                        row.cell().cohortDay(), row.cell().key(), row.cell().grain().name(), row.currency(),
                        row.cell().repId(), row.cell().teamId(), row.cell().source(), row.revenue()});
        deleteEmpty(db, changed, rows);
    }

    /**
     * Only a negative delta can bring a figure to zero (no stored row is zero, and figures are sums of
     * their deltas), so only the rows this poll subtracted from are checked, each by its primary key:
     * first the cells whose customers fell, deleted with all their typed rows once no customer is
     * left; then every typed row with a negative delta whose figures all reached zero. Checking every
     * row of every touched cell instead made these deletes the projector's costliest statements at
     * ten million follow-ups (a company-grain cell holds hundreds of stage-days rows).
     */
    private static void deleteEmpty(DSLContext db, List<FunnelRollup> cells, FunnelRows rows) {
        String[] shrinking = cells.stream().filter(cell -> cell.cell().customers() <= 0).map(FunnelRollup::key)
                .toArray(String[]::new);
        if (shrinking.length > 0) {
            var gone = db.deleteFrom(FUNNEL_CELL).where(FUNNEL_CELL.CELL_KEY.eq(any(shrinking)))
                    .and(FUNNEL_CELL.CUSTOMERS.le(0L)).returning(FUNNEL_CELL.COHORT_DAY, FUNNEL_CELL.CELL_KEY).fetch();
            if (!gone.isEmpty()) {
                String[] days = gone.stream().map(cell -> cell.getCohortDay().toString()).toArray(String[]::new);
                String[] keys = gone.stream().map(cell -> cell.getCellKey()).toArray(String[]::new);
                for (Table<?> table : List.of(FUNNEL_STAGE, FUNNEL_TRANSITION, FUNNEL_STAGE_DAYS, FUNNEL_REVENUE)) {
                    db.execute("""
                            delete from %s r using unnest(?::date[], ?::text[]) as gone(cohort_day, cell_key)
                            where r.cohort_day = gone.cohort_day and r.cell_key = gone.cell_key"""
                            .formatted(table.getName()), days, keys);
                }
            }
        }
        deleteZeroed(db, "funnel_stage", "r.reached = 0 and r.at_stage = 0",
                rows.stages().stream().filter(r -> r.reached() < 0 || r.atStage() < 0).toList(), FunnelRows.Stage::cell,
                List.of(new Key<>("stage", "text", FunnelRows.Stage::stage)));
        deleteZeroed(db, "funnel_transition", "r.n = 0",
                rows.transitions().stream().filter(r -> r.n() < 0).toList(), FunnelRows.Transition::cell,
                List.of(new Key<>("from_stage", "text", FunnelRows.Transition::from),
                        new Key<>("to_stage", "text", FunnelRows.Transition::to)));
        deleteZeroed(db, "funnel_stage_days", "r.n = 0",
                rows.stageDays().stream().filter(r -> r.n() < 0).toList(), FunnelRows.StageDays::cell,
                List.of(new Key<>("stage", "text", FunnelRows.StageDays::stage),
                        new Key<>("days", "bigint", r -> Long.toString(r.days()))));
        deleteZeroed(db, "funnel_revenue", "r.revenue = 0",
                rows.revenues().stream().filter(r -> r.revenue().signum() < 0).toList(), FunnelRows.Revenue::cell,
                List.of(new Key<>("currency", "text", FunnelRows.Revenue::currency)));
    }

    /** A primary-key column of a typed rollup beside cohort_day and cell_key: its SQL type and its value in a row. */
    private record Key<R>(String column, String type, Function<R, String> value) {
    }

    /**
     * Deletes those of the typed rows a poll subtracted from whose figures all reached zero
     * ({@code zero}), each by its primary key: the cell's day and key, then the table's own keys.
     */
    private static <R> void deleteZeroed(DSLContext db, String table, String zero, List<R> subtracted,
                                         Function<R, FunnelRollup> cell, List<Key<R>> keys) {
        if (subtracted.isEmpty()) {
            return;
        }
        StringBuilder types = new StringBuilder();
        StringBuilder columns = new StringBuilder();
        StringBuilder matches = new StringBuilder();
        Object[] values = new Object[keys.size() + 2];
        values[0] = days(subtracted, cell);
        values[1] = keys(subtracted, cell);
        for (int i = 0; i < keys.size(); i++) {
            Key<R> key = keys.get(i);
            types.append(", ?::").append(key.type()).append("[]");
            columns.append(", ").append(key.column());
            matches.append(" and r.").append(key.column()).append(" = t.").append(key.column());
            values[i + 2] = texts(subtracted, key.value());
        }
        db.execute("""
                delete from %s r using unnest(?::date[], ?::text[]%s) as t(cohort_day, cell_key%s)
                where r.cohort_day = t.cohort_day and r.cell_key = t.cell_key%s and %s"""
                .formatted(table, types, columns, matches, zero), values);
    }

    private static <R> String[] days(List<R> rows, Function<R, FunnelRollup> cell) {
        return texts(rows, row -> cell.apply(row).cohortDay().toString());
    }

    private static <R> String[] keys(List<R> rows, Function<R, FunnelRollup> cell) {
        return texts(rows, row -> cell.apply(row).key());
    }

    private static <R> String[] texts(List<R> rows, Function<R, String> text) {
        return rows.stream().map(text).toArray(String[]::new);
    }
}
