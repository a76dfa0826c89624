package dev.pulse.report.projector;

import static dev.pulse.report.db.Tables.FUNNEL_CELL;
import static dev.pulse.report.db.Tables.FUNNEL_REVENUE;
import static dev.pulse.report.db.Tables.FUNNEL_STAGE;
import static dev.pulse.report.db.Tables.FUNNEL_STAGE_DAYS;
import static dev.pulse.report.db.Tables.FUNNEL_TRANSITION;
import static org.jooq.impl.DSL.any;

import dev.pulse.report.sql.CopyInsert;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
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
 * typed row whose figures all reached zero. One statement per table.
 */
final class FunnelWriter {

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

    /** @param deltas one summed delta per cell of each grain, in key order */
    static void add(DSLContext db, Collection<FunnelRollup> deltas, OffsetDateTime now) {
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
        deleteEmpty(db, changed, !rows.revenues().isEmpty());
    }

    /**
     * Cells left without customers, then every typed row of the touched cells that is zero or whose
     * cell is gone (the second sees the first's deletes: same transaction). The touched cells are
     * passed as two arrays, so a poll of any size is two bind values per statement.
     */
    private static void deleteEmpty(DSLContext db, List<FunnelRollup> cells, boolean revenueChanged) {
        String[] keys = cells.stream().map(FunnelRollup::key).toArray(String[]::new);
        String[] days = cells.stream().map(cell -> cell.cohortDay().toString()).toArray(String[]::new);
        db.deleteFrom(FUNNEL_CELL).where(FUNNEL_CELL.CELL_KEY.eq(any(keys))).and(FUNNEL_CELL.CUSTOMERS.le(0L)).execute();
        deleteEmptyRows(db, FUNNEL_STAGE, "reached = 0 and at_stage = 0", days, keys);
        deleteEmptyRows(db, FUNNEL_TRANSITION, "n = 0", days, keys);
        deleteEmptyRows(db, FUNNEL_STAGE_DAYS, "n = 0", days, keys);
        if (!revenueChanged) {
            // no revenue in this poll's deltas, so no revenue row reached zero; and a cell left without
            // customers has none: its last customers took their revenue out in the deltas that emptied it
            return;
        }
        deleteEmptyRows(db, FUNNEL_REVENUE, "revenue = 0", days, keys);
    }

    private static void deleteEmptyRows(DSLContext db, Table<?> table, String zero, String[] days, String[] keys) {
        db.execute("""
                delete from %1$s r
                using unnest(?::date[], ?::text[]) as touched(cohort_day, cell_key)
                where r.cohort_day = touched.cohort_day and r.cell_key = touched.cell_key
                  and ((%2$s) or not exists (select 1 from funnel_cell c where c.cell_key = r.cell_key))"""
                .formatted(table.getName(), zero), days, keys);
    }
}
