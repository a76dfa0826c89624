package dev.pulse.report.funnel;

import dev.pulse.events.Pipeline;
import dev.pulse.events.Stage;
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
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The stage funnel (DESIGN.md definition 2) from the pre-aggregated cells: each answer sums the
 * typed rollups of a cohort period and filter in SQL ({@link FunnelSums}) and derives its figures
 * from the sums. No query here touches the follow-up or sale fact tables.
 */
@Service
public class FunnelQueries {

    private static final Comparator<String> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    private final FunnelSums sums;
    private final Pipeline pipeline;

    FunnelQueries(DSLContext db, ObjectProvider<Pipeline> pipeline) {
        this.sums = new FunnelSums(db);
        this.pipeline = pipeline.getIfAvailable(Pipeline::defaults);
    }

    public FunnelView funnel(FunnelFilter filter) {
        return view(sums.totals(filter, null).get(null));
    }

    /** One funnel per group that has customers, groups in ascending order (no team last). */
    public List<GroupFunnel> funnelsBy(FunnelFilter filter, CohortGrouping grouping) {
        Map<String, FunnelTotals> groups = new TreeMap<>(NULLS_LAST);
        sums.totals(filter, grouping).forEach((group, totals) -> groups.put(grouping.label(group), totals));
        return groups.entrySet().stream().map(e -> new GroupFunnel(e.getKey(), view(e.getValue()))).toList();
    }

    /** Every stage change with a count, most frequent first; ties in pipeline order of from, then to. */
    public List<TransitionView> transitions(FunnelFilter filter) {
        Comparator<TransitionView> order = Comparator.comparingLong(TransitionView::count).reversed()
                .thenComparing(TransitionView::from, byStage())
                .thenComparing(TransitionView::to, byStage());
        return sums.transitions(filter).stream().sorted(order).toList();
    }

    /**
     * Time in stage for every open forward stage of the pipeline in order (zero customers and a
     * null median where nobody moved on yet), then any other stage the cells hold days for.
     */
    public List<TimeInStageView> timeInStage(FunnelFilter filter) {
        Map<String, TreeMap<Long, Long>> days = sums.stageDays(filter);
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
        // the rep's team: that of their latest cell (cohort day, then team with no team first)
        Map<String, FunnelSums.RepTeam> latest = new TreeMap<>(NULLS_LAST);
        Comparator<FunnelSums.RepTeam> later = Comparator.comparing(FunnelSums.RepTeam::latestDay)
                .thenComparing(FunnelSums.RepTeam::teamId, Comparator.nullsFirst(Comparator.naturalOrder()));
        FunnelSums.RepSums repSums = sums.byRep(filter);
        for (FunnelSums.RepTeam row : repSums.teams()) {
            byRep.computeIfAbsent(row.repId(), r -> new FunnelTotals()).addCells(BigDecimal.valueOf(row.customers()),
                    BigDecimal.valueOf(row.withSale()));
            latest.merge(row.repId(), row, (a, b) -> later.compare(a, b) >= 0 ? a : b);
        }
        Map<String, Map<String, BigDecimal>> revenue = new HashMap<>();
        for (FunnelSums.RepRevenue row : repSums.revenue()) {
            revenue.computeIfAbsent(row.repId(), r -> new TreeMap<>())
                    .put(row.currency(), row.revenue().setScale(2, RoundingMode.HALF_UP));
        }
        return byRep.entrySet().stream().map(e -> {
            FunnelTotals t = e.getValue();
            return new RepConversionView(e.getKey(), latest.get(e.getKey()).teamId(), t.customers(), t.withSale(),
                    revenue.getOrDefault(e.getKey(), Map.of()), ratio(t.withSale(), t.customers()));
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
