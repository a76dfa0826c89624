package dev.pulse.report.funnel;

import static dev.pulse.report.db.Tables.FUNNEL_CELL;
import static org.jooq.impl.DSL.noCondition;

import dev.pulse.report.security.Scopes;

import dev.pulse.events.Json;
import dev.pulse.events.Pipeline;
import dev.pulse.events.Stage;
import dev.pulse.events.funnel.FunnelCell;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The stage funnel (DESIGN.md definition 2) from the pre-aggregated cells: each answer loads the
 * cells of a cohort period and filter, sums them and derives its figures from the sum. No query
 * here touches the follow-up or sale fact tables.
 */
@Service
public class FunnelQueries {

    /** Cells are read through a cursor: a long period never holds all its cells in memory at once. */
    private static final int FETCH_SIZE = 1_000;
    private static final Comparator<String> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    private final DSLContext db;
    private final Pipeline pipeline;

    FunnelQueries(DSLContext db, ObjectProvider<Pipeline> pipeline) {
        this.db = db;
        this.pipeline = pipeline.getIfAvailable(Pipeline::defaults);
    }

    public FunnelView funnel(FunnelFilter filter) {
        return view(total(filter));
    }

    /** One funnel per group that has customers, groups in ascending order (no team last). */
    public List<GroupFunnel> funnelsBy(FunnelFilter filter, CohortGrouping grouping) {
        Map<String, FunnelTotals> groups = new TreeMap<>(NULLS_LAST);
        forEachCell(filter, cell -> groups.computeIfAbsent(grouping.groupOf(cell), g -> new FunnelTotals()).add(cell));
        return groups.entrySet().stream().map(e -> new GroupFunnel(e.getKey(), view(e.getValue()))).toList();
    }

    /** Every stage change with a count, most frequent first; ties in pipeline order of from, then to. */
    public List<TransitionView> transitions(FunnelFilter filter) {
        Comparator<TransitionView> order = Comparator.comparingLong(TransitionView::count).reversed()
                .thenComparing(TransitionView::from, byStage())
                .thenComparing(TransitionView::to, byStage());
        return total(filter).transitions().entrySet().stream()
                .filter(e -> e.getValue() > 0 && e.getKey().indexOf('>') > 0)
                .map(e -> {
                    int arrow = e.getKey().indexOf('>');
                    return new TransitionView(e.getKey().substring(0, arrow), e.getKey().substring(arrow + 1), e.getValue());
                })
                .sorted(order)
                .toList();
    }

    /**
     * Time in stage for every open forward stage of the pipeline in order (zero customers and a
     * null median where nobody moved on yet), then any other stage the cells hold days for.
     */
    public List<TimeInStageView> timeInStage(FunnelFilter filter) {
        Map<String, TreeMap<Long, Long>> days = total(filter).stageDays();
        Set<String> stages = new LinkedHashSet<>();
        forward().stream().filter(s -> !s.terminal()).map(Stage::code).forEach(stages::add);
        days.keySet().stream().sorted(byStage()).forEach(stages::add);
        return stages.stream().map(stage -> {
            TreeMap<Long, Long> histogram = days.getOrDefault(stage, new TreeMap<>());
            long customers = histogram.values().stream().mapToLong(Long::longValue).sum();
            return new TimeInStageView(stage, customers, lowerMedian(histogram, customers));
        }).toList();
    }

    /** Per owner rep, ordered by rep id. */
    public List<RepConversionView> repConversion(FunnelFilter filter) {
        Map<String, FunnelTotals> byRep = new TreeMap<>(NULLS_LAST);
        Map<String, StoredCell> latest = new HashMap<>();
        Comparator<StoredCell> later = Comparator.comparing(StoredCell::cohortDay)
                .thenComparing(StoredCell::teamId, Comparator.nullsFirst(Comparator.naturalOrder()));
        forEachCell(filter, cell -> {
            byRep.computeIfAbsent(cell.repId(), r -> new FunnelTotals()).add(cell);
            latest.merge(cell.repId(), cell, (a, b) -> later.compare(a, b) >= 0 ? a : b);
        });
        return byRep.entrySet().stream().map(e -> {
            FunnelTotals t = e.getValue();
            return new RepConversionView(e.getKey(), latest.get(e.getKey()).teamId(), t.customers(), t.withSale(),
                    t.revenue().setScale(2, RoundingMode.HALF_UP), ratio(t.withSale(), t.customers()));
        }).toList();
    }

    public PipelineView pipeline() {
        return new PipelineView(displayOrder().stream()
                .map(s -> new PipelineView.StageView(s.code(), s.order(), s.nameZh(), s.nameEn(), s.terminal()))
                .toList());
    }

    private FunnelView view(FunnelTotals t) {
        List<FunnelView.StageFigures> stages = displayOrder().stream()
                .map(s -> new FunnelView.StageFigures(s.code(), s.nameZh(), s.nameEn(), t.reached(s.code()), t.current(s.code())))
                .toList();
        List<Stage> forward = forward();
        List<FunnelView.Conversion> conversions = new ArrayList<>();
        for (int i = 1; i < forward.size(); i++) {
            String from = forward.get(i - 1).code();
            String to = forward.get(i).code();
            conversions.add(new FunnelView.Conversion(from, to, ratio(t.reached(to), t.reached(from))));
        }
        long won = forward.stream().filter(Stage::terminal).mapToLong(s -> t.current(s.code())).sum();
        long lost = lostStages().mapToLong(s -> t.current(s.code())).sum();
        return new FunnelView(stages, List.copyOf(conversions), won, lost, ratio(won, won + lost), t.customers());
    }

    private FunnelTotals total(FunnelFilter filter) {
        FunnelTotals totals = new FunnelTotals();
        forEachCell(filter, totals::add);
        return totals;
    }

    private void forEachCell(FunnelFilter filter, Consumer<StoredCell> action) {
        Condition condition = FUNNEL_CELL.COHORT_DAY.between(filter.cohort().from(), filter.cohort().to())
                .and(filter.repId() == null ? noCondition() : FUNNEL_CELL.REP_ID.eq(filter.repId()))
                .and(filter.teamId() == null ? noCondition() : FUNNEL_CELL.TEAM_ID.eq(filter.teamId()))
                .and(filter.source() == null ? noCondition() : FUNNEL_CELL.SOURCE.eq(filter.source()))
                .and(Scopes.rows(filter.scope(), FUNNEL_CELL.REP_ID, FUNNEL_CELL.TEAM_ID));
        // PostgreSQL streams a result with a fetch size only inside a transaction.
        db.transaction(tx -> {
            try (var cells = tx.dsl()
                    .select(FUNNEL_CELL.COHORT_DAY, FUNNEL_CELL.REP_ID, FUNNEL_CELL.TEAM_ID, FUNNEL_CELL.SOURCE,
                            FUNNEL_CELL.CUSTOMERS, FUNNEL_CELL.WITH_SALE, FUNNEL_CELL.REVENUE, FUNNEL_CELL.FIGURES)
                    .from(FUNNEL_CELL)
                    .where(condition)
                    .fetchSize(FETCH_SIZE)
                    .fetchLazy()) {
                for (var r : cells) {
                    action.accept(new StoredCell(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                            r.value7(), Json.MAPPER.readValue(r.value8(), FunnelCell.class)));
                }
            }
        });
    }

    /** Forward stages by order, then LOST: the order of every stage list in the answers. */
    private List<Stage> displayOrder() {
        return Stream.concat(forward().stream(), lostStages()).toList();
    }

    private List<Stage> forward() {
        return pipeline.stages().stream().filter(s -> !s.isLost()).sorted(Comparator.comparingInt(Stage::order)).toList();
    }

    private Stream<Stage> lostStages() {
        return pipeline.stages().stream().filter(Stage::isLost);
    }

    /** Pipeline order; codes the pipeline does not know come after it, alphabetically. */
    private Comparator<String> byStage() {
        List<String> codes = displayOrder().stream().map(Stage::code).toList();
        return Comparator.<String>comparingInt(code -> codes.contains(code) ? codes.indexOf(code) : codes.size())
                .thenComparing(Comparator.naturalOrder());
    }

    /** The lower middle value of a histogram of {@code count} values: the exact middle for an odd count. */
    static Long lowerMedian(TreeMap<Long, Long> histogram, long count) {
        if (count <= 0) {
            return null;
        }
        long index = (count - 1) / 2;
        long seen = 0;
        for (Map.Entry<Long, Long> bucket : histogram.entrySet()) {
            seen += bucket.getValue();
            if (seen > index) {
                return bucket.getKey();
            }
        }
        return histogram.lastKey();
    }

    private static BigDecimal ratio(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }
}
