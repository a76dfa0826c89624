package dev.pulse.report.funnel;

import static dev.pulse.report.db.Tables.FUNNEL_CELL;
import static dev.pulse.report.db.Tables.FUNNEL_REVENUE;
import static dev.pulse.report.db.Tables.FUNNEL_STAGE;
import static dev.pulse.report.db.Tables.FUNNEL_STAGE_DAYS;
import static dev.pulse.report.db.Tables.FUNNEL_TRANSITION;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The SQL of the funnel reports: each sums the rows of a cohort period and filter with GROUP BY in
 * PostgreSQL and returns a handful of rows (per group, stage, stage change or day bucket), so the
 * work in Java does not grow with the number of cells. Each answer is one statement, so it reads
 * one snapshot: customers and per-stage figures of one answer always belong together.
 */
final class FunnelSums {

    private final DSLContext db;

    FunnelSums(DSLContext db) {
        this.db = db;
    }

    /**
     * @param grouping how cells are grouped, or null for one funnel of all cells (under the key null)
     * @return group value -> its totals; without a group, always one entry (zeros when no cell matches)
     */
    Map<Object, FunnelTotals> totals(FunnelFilter filter, CohortGrouping grouping) {
        FunnelGrain grain = FunnelGrain.forQuery(filter, grouping);
        Function<CellColumns, Field<?>> group = grouping == null ? null : grouping::of;
        Select<Record> cells = sums(FUNNEL_CELL, CellColumns.CELL, filter, grain, group,
                inline(null, SQLDataType.VARCHAR),
                sum(FUNNEL_CELL.CUSTOMERS), sum(FUNNEL_CELL.WITH_SALE));
        Select<Record> stages = sums(FUNNEL_STAGE, CellColumns.STAGE, filter, grain, group, FUNNEL_STAGE.STAGE,
                sum(FUNNEL_STAGE.REACHED), sum(FUNNEL_STAGE.AT_STAGE));
        Map<Object, FunnelTotals> totals = new HashMap<>();
        // the funnel_cell sums carry no stage; funnel_stage's stage column is never null
        for (Record r : db.fetch(cells.unionAll(stages))) {
            FunnelTotals t = totals.computeIfAbsent(r.get(0), g -> new FunnelTotals());
            String stage = r.get(1, String.class);
            if (stage == null) {
                t.addCells(r.get(2, BigDecimal.class), r.get(3, BigDecimal.class));
            } else {
                t.addStage(stage, r.get(2, BigDecimal.class).longValueExact(), r.get(3, BigDecimal.class).longValueExact());
            }
        }
        return totals;
    }

    /** {@code select group, stage?, sums from table where filter group by group, stage?} */
    private Select<Record> sums(Table<?> table, CellColumns columns, FunnelFilter filter, FunnelGrain grain,
                                Function<CellColumns, Field<?>> group, Field<String> stage, Field<?>... figures) {
        List<Field<?>> groupBy = new ArrayList<>();
        List<SelectFieldOrAsterisk> select = new ArrayList<>();
        if (group == null) {
            select.add(inline(null, SQLDataType.VARCHAR));
        } else {
            groupBy.add(group.apply(columns));
            select.add(groupBy.get(0));
        }
        select.add(stage);
        select.addAll(List.of(figures));
        if (table != FUNNEL_CELL) {
            groupBy.add(stage);
        }
        var from = db.select(select).from(table).where(columns.where(filter, grain));
        return groupBy.isEmpty() ? from : from.groupBy(groupBy);
    }

    /** Stage changes with a positive sum: {@code from, to, count}, in no particular order. */
    List<TransitionView> transitions(FunnelFilter filter) {
        Field<BigDecimal> n = sum(FUNNEL_TRANSITION.N);
        return db.select(FUNNEL_TRANSITION.FROM_STAGE, FUNNEL_TRANSITION.TO_STAGE, n)
                .from(FUNNEL_TRANSITION)
                .where(CellColumns.TRANSITION.where(filter, FunnelGrain.forQuery(filter, null)))
                .groupBy(FUNNEL_TRANSITION.FROM_STAGE, FUNNEL_TRANSITION.TO_STAGE)
                .having(n.gt(BigDecimal.ZERO))
                .fetch(r -> new TransitionView(r.value1(), r.value2(), r.value3().longValueExact()));
    }

    /** stage -> (whole days -> customers), days ascending: the summed histograms of time in stage. */
    Map<String, TreeMap<Long, Long>> stageDays(FunnelFilter filter) {
        Field<BigDecimal> n = sum(FUNNEL_STAGE_DAYS.N);
        Map<String, TreeMap<Long, Long>> days = new HashMap<>();
        db.select(FUNNEL_STAGE_DAYS.STAGE, FUNNEL_STAGE_DAYS.DAYS, n)
                .from(FUNNEL_STAGE_DAYS)
                .where(CellColumns.STAGE_DAYS.where(filter, FunnelGrain.forQuery(filter, null)))
                .groupBy(FUNNEL_STAGE_DAYS.STAGE, FUNNEL_STAGE_DAYS.DAYS)
                .forEach(r -> days.computeIfAbsent(r.value1(), s -> new TreeMap<>())
                        .put(r.value2(), r.value3().longValueExact()));
        return days;
    }

    /** The cells of one rep and team summed, with the latest cohort day among them. */
    record RepTeam(String repId, String teamId, LocalDate latestDay, long customers, long withSale) {
    }

    /** One owner rep's revenue in one currency: sums are per currency, never across currencies. */
    record RepRevenue(String repId, String currency, BigDecimal revenue) {
    }

    /** The rep conversion's sums: per rep and team its cells, per rep and currency its revenue. */
    record RepSums(List<RepTeam> teams, List<RepRevenue> revenue) {
    }

    /**
     * Both sums in one statement ({@code UNION ALL}), so customers with a sale and their revenue come
     * from one snapshot; a funnel_cell row has no currency, a funnel_revenue row always has one.
     */
    RepSums byRep(FunnelFilter filter) {
        Select<Record> cells = db.select(List.of(FUNNEL_CELL.REP_ID, FUNNEL_CELL.TEAM_ID, max(FUNNEL_CELL.COHORT_DAY),
                        sum(FUNNEL_CELL.CUSTOMERS), sum(FUNNEL_CELL.WITH_SALE), inline(null, SQLDataType.VARCHAR),
                        inline(null, SQLDataType.NUMERIC)))
                .from(FUNNEL_CELL)
                .where(CellColumns.CELL.where(filter, FunnelGrain.REP))
                .groupBy(FUNNEL_CELL.REP_ID, FUNNEL_CELL.TEAM_ID);
        Select<Record> revenue = db.select(List.of(FUNNEL_REVENUE.REP_ID, inline(null, SQLDataType.VARCHAR),
                        inline(null, SQLDataType.LOCALDATE), inline(null, SQLDataType.NUMERIC),
                        inline(null, SQLDataType.NUMERIC), FUNNEL_REVENUE.CURRENCY, sum(FUNNEL_REVENUE.REVENUE)))
                .from(FUNNEL_REVENUE)
                .where(CellColumns.REVENUE.where(filter, FunnelGrain.REP))
                .groupBy(FUNNEL_REVENUE.REP_ID, FUNNEL_REVENUE.CURRENCY);
        List<RepTeam> teams = new ArrayList<>();
        List<RepRevenue> amounts = new ArrayList<>();
        for (Record r : db.fetch(cells.unionAll(revenue))) {
            String currency = r.get(5, String.class);
            if (currency == null) {
                teams.add(new RepTeam(r.get(0, String.class), r.get(1, String.class), r.get(2, LocalDate.class),
                        r.get(3, BigDecimal.class).longValueExact(), r.get(4, BigDecimal.class).longValueExact()));
            } else {
                amounts.add(new RepRevenue(r.get(0, String.class), currency, r.get(6, BigDecimal.class)));
            }
        }
        return new RepSums(teams, amounts);
    }
}
