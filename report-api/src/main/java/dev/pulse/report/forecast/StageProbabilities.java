package dev.pulse.report.forecast;

import static dev.pulse.report.db.Tables.FOLLOWUP;
import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.arrayGet;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;

import dev.pulse.events.Pipeline;
import dev.pulse.events.Stage;
import dev.pulse.report.security.Scopes;
import dev.pulse.security.AccessScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.CaseWhenStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Learns each open stage's probability of being won from history (DESIGN.md definition 7): of the
 * customers who first reached the stage in the window (a skipped stage counts as reached, as in the
 * funnel), the share at a won stage at the window's end. Only follow-ups before the window's end
 * count, so the answer for a past window never changes. Owner filters and the caller's scope
 * apply, as everywhere.
 */
final class StageProbabilities {

    private final DSLContext db;
    private final Pipeline pipeline;
    private final List<String> wonStages;

    StageProbabilities(DSLContext db, Pipeline pipeline, List<String> wonStages) {
        this.db = db;
        this.pipeline = pipeline;
        this.wonStages = wonStages;
    }

    /** The open forward stages in pipeline order, each with its learned and configured probability. */
    List<StageProbabilityView> learn(OffsetDateTime start, OffsetDateTime end, Owner owner, AccessScope scope,
                                     Map<String, BigDecimal> configured) {
        List<Stage> open = pipeline.stages().stream().filter(s -> !s.isLost() && !s.terminal())
                .sorted(java.util.Comparator.comparingInt(Stage::order)).toList();
        Field<Integer> stageOrder = stageOrder();
        List<SelectField<?>> columns = new ArrayList<>(List.of(
                FOLLOWUP.CUSTOMER_ID.as("customer_id"),
                latest(FOLLOWUP.STAGE).as("stage"),
                latest(FOLLOWUP.REP_ID).as("owner_rep"),
                latest(FOLLOWUP.TEAM_ID).as("owner_team"),
                arrayGet(arrayAgg(FOLLOWUP.SOURCE).orderBy(FOLLOWUP.OCCURRED_AT.asc(), FOLLOWUP.EVENT_ID.asc())
                        .filterWhere(FOLLOWUP.SOURCE.isNotNull()), 1).as("source")));
        for (Stage stage : open) {
            columns.add(min(FOLLOWUP.OCCURRED_AT).filterWhere(stageOrder.ge(stage.order())).as("reached_" + stage.order()));
        }
        Table<?> customers = select(columns).from(FOLLOWUP)
                .where(FOLLOWUP.OCCURRED_AT.lt(end))
                .and(FOLLOWUP.CUSTOMER_ID.in(select(FOLLOWUP.CUSTOMER_ID).from(FOLLOWUP)
                        .where(FOLLOWUP.OCCURRED_AT.ge(start)).and(FOLLOWUP.OCCURRED_AT.lt(end))))
                .groupBy(FOLLOWUP.CUSTOMER_ID)
                .asTable("customer");
        Field<String> stage = field(name("customer", "stage"), String.class);
        Field<String> rep = field(name("customer", "owner_rep"), String.class);
        Field<String> team = field(name("customer", "owner_team"), String.class);
        Field<String> source = field(name("customer", "source"), String.class);
        List<SelectField<?>> sums = new ArrayList<>();
        for (Stage s : open) {
            Field<OffsetDateTime> reached = field(name("customer", "reached_" + s.order()), OffsetDateTime.class);
            var inWindow = reached.ge(start).and(reached.lt(end));
            sums.add(count().filterWhere(inWindow));
            sums.add(count().filterWhere(inWindow.and(stage.in(wonStages))));
        }
        Record totals = db.select(sums).from(customers)
                .where(owner.rep() == null ? noCondition() : rep.eq(owner.rep()))
                .and(owner.team() == null ? noCondition() : team.eq(owner.team()))
                .and(owner.source() == null ? noCondition() : source.eq(owner.source()))
                .and(Scopes.rows(scope, rep, team))
                .fetchOne();
        List<StageProbabilityView> views = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            long reached = ((Number) totals.get(2 * i)).longValue();
            long won = ((Number) totals.get(2 * i + 1)).longValue();
            String code = open.get(i).code();
            views.add(new StageProbabilityView(code, reached, won, reached == 0 ? null
                    : BigDecimal.valueOf(won).divide(BigDecimal.valueOf(reached), 4, RoundingMode.HALF_UP),
                    configured.get(code)));
        }
        return views;
    }

    /** A follow-up's stage as its pipeline order, 0 for LOST (and for a stage no longer configured). */
    private Field<Integer> stageOrder() {
        CaseWhenStep<String, Integer> order = null;
        for (Stage s : pipeline.stages()) {
            if (!s.isLost()) {
                order = order == null ? DSL.choose(FOLLOWUP.STAGE).when(inline(s.code()), inline(s.order()))
                        : order.when(inline(s.code()), inline(s.order()));
            }
        }
        return order.otherwise(inline(0));
    }

    private static <T> Field<T> latest(Field<T> value) {
        return arrayGet(arrayAgg(value).orderBy(FOLLOWUP.OCCURRED_AT.desc(), FOLLOWUP.EVENT_ID.desc()), 1);
    }

    /** The owner filters of the question: rep, team and source, each null for any. */
    record Owner(String rep, String team, String source) {
    }
}
