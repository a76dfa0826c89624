package dev.pulse.report.forecast;

import static dev.pulse.report.db.Tables.FOLLOWUP;
import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.arrayGet;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
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
import org.jooq.Condition;
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
    private final Field<Integer> stageOrder;

    /** @param stageOrder a follow-up's stage as its pipeline order, 0 for LOST ({@code CustomerJourneys.stageOrder()}) */
    StageProbabilities(DSLContext db, Pipeline pipeline, List<String> wonStages, Field<Integer> stageOrder) {
        this.db = db;
        this.pipeline = pipeline;
        this.wonStages = wonStages;
        this.stageOrder = stageOrder;
    }

    /** The open forward stages in pipeline order, each with its learned and configured probability. */
    List<StageProbabilityView> learn(OffsetDateTime start, OffsetDateTime end, Owner owner, AccessScope scope,
                                     Map<String, BigDecimal> configured) {
        List<Stage> open = openStages();
        List<SelectField<?>> sums = new ArrayList<>();
        for (Stage s : open) {
            sums.add(count().filterWhere(reachedIn(s, start, end)));
            sums.add(count().filterWhere(reachedIn(s, start, end).and(wonNow())));
        }
        Record totals = db.select(sums).from(customers(start, end, open)).where(owned(owner, scope)).fetchOne();
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

    /**
     * The customers behind one stage's row of the table, with the same conditions as its counts: those
     * who first reached {@code stage} in the window, or ({@code wonOnly}) those of them at a won stage at
     * its end. By the time they reached it, then customer id.
     */
    List<StageReachedView> customers(OffsetDateTime start, OffsetDateTime end, Owner owner, AccessScope scope, Stage stage,
                                     boolean wonOnly) {
        Field<OffsetDateTime> reachedAt = field(name("customer", "reached_" + stage.order()), OffsetDateTime.class);
        return db.select(field(name("customer", "customer_id"), String.class),
                        field(name("customer", "customer_name"), String.class), REP, TEAM, STAGE, reachedAt)
                .from(customers(start, end, List.of(stage)))
                .where(owned(owner, scope))
                .and(reachedIn(stage, start, end))
                .and(wonOnly ? wonNow() : noCondition())
                .orderBy(reachedAt, field(name("customer", "customer_id")))
                .fetch(r -> new StageReachedView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** An open forward stage of the pipeline (the table's rows), or null. */
    Stage openStage(String code) {
        return openStages().stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
    }

    /** The open forward stages' codes in pipeline order, as a refusal lists them. */
    List<String> openStageCodes() {
        return openStages().stream().map(Stage::code).toList();
    }

    private List<Stage> openStages() {
        return pipeline.stages().stream().filter(s -> !s.isLost() && !s.terminal())
                .sorted(java.util.Comparator.comparingInt(Stage::order)).toList();
    }

    private static final Field<String> STAGE = field(name("customer", "stage"), String.class);
    private static final Field<String> REP = field(name("customer", "owner_rep"), String.class);
    private static final Field<String> TEAM = field(name("customer", "owner_team"), String.class);
    private static final Field<String> SOURCE = field(name("customer", "source"), String.class);

    /**
     * One row per customer followed up in the window, from its follow-ups before the window's end: where
     * it stands then, its owner and source, its name, and when it first reached each of {@code stages}.
     */
    private Table<?> customers(OffsetDateTime start, OffsetDateTime end, List<Stage> stages) {
        List<SelectField<?>> columns = new ArrayList<>(List.of(
                FOLLOWUP.CUSTOMER_ID.as("customer_id"),
                latest(FOLLOWUP.CUSTOMER_NAME).as("customer_name"),
                latest(FOLLOWUP.STAGE).as("stage"),
                latest(FOLLOWUP.REP_ID).as("owner_rep"),
                latest(FOLLOWUP.TEAM_ID).as("owner_team"),
                arrayGet(arrayAgg(FOLLOWUP.SOURCE).orderBy(FOLLOWUP.OCCURRED_AT.asc(), FOLLOWUP.EVENT_ID.asc())
                        .filterWhere(FOLLOWUP.SOURCE.isNotNull()), 1).as("source")));
        for (Stage stage : stages) {
            columns.add(min(FOLLOWUP.OCCURRED_AT).filterWhere(stageOrder.ge(stage.order())).as("reached_" + stage.order()));
        }
        return select(columns).from(FOLLOWUP)
                .where(FOLLOWUP.OCCURRED_AT.lt(end))
                .and(FOLLOWUP.CUSTOMER_ID.in(select(FOLLOWUP.CUSTOMER_ID).from(FOLLOWUP)
                        .where(FOLLOWUP.OCCURRED_AT.ge(start)).and(FOLLOWUP.OCCURRED_AT.lt(end))))
                .groupBy(FOLLOWUP.CUSTOMER_ID)
                .asTable("customer");
    }

    /** At a won stage at the window's end: the latest follow-up before it is at one. */
    private Condition wonNow() {
        return STAGE.in(wonStages);
    }

    /** First reached the stage (or a later one) in the window. */
    private static Condition reachedIn(Stage stage, OffsetDateTime start, OffsetDateTime end) {
        Field<OffsetDateTime> reached = field(name("customer", "reached_" + stage.order()), OffsetDateTime.class);
        return reached.ge(start).and(reached.lt(end));
    }

    /** The owner filters and the caller's scope, on the customer's owner. */
    private static Condition owned(Owner owner, AccessScope scope) {
        return (owner.rep() == null ? noCondition() : REP.eq(owner.rep()))
                .and(owner.team() == null ? noCondition() : TEAM.eq(owner.team()))
                .and(owner.source() == null ? noCondition() : SOURCE.eq(owner.source()))
                .and(Scopes.rows(scope, REP, TEAM));
    }

    private static <T> Field<T> latest(Field<T> value) {
        return arrayGet(arrayAgg(value).orderBy(FOLLOWUP.OCCURRED_AT.desc(), FOLLOWUP.EVENT_ID.desc()), 1);
    }

    /** The owner filters of the question: rep, team and source, each null for any. */
    record Owner(String rep, String team, String source) {
    }
}
