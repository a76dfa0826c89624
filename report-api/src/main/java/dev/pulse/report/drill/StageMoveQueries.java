package dev.pulse.report.drill;

import static dev.pulse.report.db.Tables.FOLLOWUP;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lag;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;

import dev.pulse.events.Stage;
import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.journey.CustomerJourneys;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.WindowSpecificationRowsStep;
import org.springframework.stereotype.Service;

/**
 * The cohort customers behind the funnel's stage transitions and time in stage. Those figures are
 * summed from the processor's cells; the lists read the same definitions (DESIGN.md definition 2)
 * from the facts: a cohort customer's counted follow-ups ({@link FactConditions#counted}) in history
 * order (occurredAt, ties by eventId), for the cohort, owner filters and scope of
 * {@link CustomerJourneys#of}, the cells' own. The traceability tests check that lists and figures agree.
 */
@Service
class StageMoveQueries {

    private static final Field<String> CUSTOMER_ID = step("customer_id", String.class);
    private static final Field<String> CUSTOMER_NAME = step("customer_name", String.class);
    private static final Field<String> OWNER_REP = step("owner_rep", String.class);
    private static final Field<String> OWNER_TEAM = step("owner_team", String.class);
    private static final Field<UUID> EVENT_ID = step("event_id", UUID.class);
    private static final Field<OffsetDateTime> AT = step("at", OffsetDateTime.class);
    private static final Field<String> STAGE = step("stage", String.class);
    private static final Field<String> PREVIOUS_STAGE = step("previous_stage", String.class);
    private static final Field<Integer> STAGE_ORDER = step("stage_order", Integer.class);
    /** The step's place in its customer's history, 1 first. */
    private static final Field<Long> SEQ = step("seq", Long.class);

    private final DSLContext db;
    private final CustomerJourneys journeys;

    StageMoveQueries(DSLContext db, CustomerJourneys journeys) {
        this.db = db;
        this.journeys = journeys;
    }

    /** Each change from {@code from} to {@code to} between consecutive follow-ups, in time order (a repeated stage is none). */
    DrillPage<StageMoveRow> moves(FunnelFilter filter, Stage from, Stage to, int offset, int limit) {
        Table<?> steps = steps(filter);
        List<StageMoveRow> all = db.select(CUSTOMER_ID, CUSTOMER_NAME, OWNER_REP, OWNER_TEAM, PREVIOUS_STAGE, STAGE,
                        EVENT_ID, AT)
                .from(steps)
                // a repeated stage is no move, so from = to lists nothing, as the report has no such row
                .where(PREVIOUS_STAGE.eq(from.code()).and(STAGE.eq(to.code())).and(PREVIOUS_STAGE.ne(STAGE)))
                .orderBy(AT, CUSTOMER_ID, EVENT_ID)
                .fetch(r -> new StageMoveRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8()));
        return DrillPage.of(all, offset, limit);
    }

    /**
     * The customers with days in {@code stage}: its first entry is followed by a step of a higher
     * order (LOST and unknown stages have order 0: no days in them). Longest first.
     */
    DrillPage<StageTimeRow> timeIn(FunnelFilter filter, Stage stage, int offset, int limit) {
        if (stage.order() == 0) {
            return DrillPage.of(List.of(), offset, limit); // LOST: the processor measures no days in it
        }
        Table<?> steps = steps(filter);
        // the first entry's place in the history, beside every step of the customer
        Field<Long> enteredSeq = field(name("entry", "entered_seq"), Long.class);
        Table<?> entries = select(steps.fields())
                .select(min(SEQ).filterWhere(STAGE.eq(stage.code())).over(partitionBy(CUSTOMER_ID)).as("entered_seq"))
                .from(steps)
                .asTable("entry");
        Field<String> customer = entries.field(CUSTOMER_ID.getName(), String.class);
        Field<String> customerName = entries.field(CUSTOMER_NAME.getName(), String.class);
        Field<String> ownerRep = entries.field(OWNER_REP.getName(), String.class);
        Field<String> ownerTeam = entries.field(OWNER_TEAM.getName(), String.class);
        Field<Long> seq = entries.field(SEQ.getName(), Long.class);
        Field<OffsetDateTime> at = entries.field(AT.getName(), OffsetDateTime.class);
        Field<Integer> order = entries.field(STAGE_ORDER.getName(), Integer.class);
        Field<OffsetDateTime> entered = min(at).filterWhere(seq.eq(enteredSeq));
        // at never decreases along the history, so the earliest later step is the first one after the entry
        Field<OffsetDateTime> left = min(at).filterWhere(seq.gt(enteredSeq).and(order.gt(stage.order())));
        List<StageTimeRow> all = db.select(customer, customerName, ownerRep, ownerTeam, entered, left)
                .from(entries)
                .where(enteredSeq.isNotNull())
                .groupBy(customer, customerName, ownerRep, ownerTeam)
                .having(left.isNotNull())
                .fetch(r -> StageTimeRow.of(r.value1(), r.value2(), r.value3(), r.value4(), stage.code(), r.value5(),
                        r.value6()));
        return DrillPage.of(all.stream()
                .sorted(java.util.Comparator.comparingLong(StageTimeRow::days).reversed()
                        .thenComparing(StageTimeRow::customerId))
                .toList(), offset, limit);
    }

    /**
     * Every counted follow-up of the filter's cohort customers, with the customer's name and owner, its
     * stage's order, the stage of the step before it and its place in the history.
     */
    private Table<?> steps(FunnelFilter filter) {
        Table<?> journey = journeys.of(filter);
        SortField<?>[] history = {FOLLOWUP.OCCURRED_AT.asc(), FOLLOWUP.EVENT_ID.asc()};
        WindowSpecificationRowsStep byCustomer = partitionBy(FOLLOWUP.CUSTOMER_ID).orderBy(history);
        return select(FOLLOWUP.CUSTOMER_ID.as(CUSTOMER_ID.getName()),
                        CustomerJourneys.CUSTOMER_NAME.as(CUSTOMER_NAME.getName()),
                        CustomerJourneys.OWNER_REP.as(OWNER_REP.getName()),
                        CustomerJourneys.OWNER_TEAM.as(OWNER_TEAM.getName()),
                        FOLLOWUP.EVENT_ID.as(EVENT_ID.getName()), FOLLOWUP.OCCURRED_AT.as(AT.getName()),
                        FOLLOWUP.STAGE.as(STAGE.getName()), journeys.stageOrder().as(STAGE_ORDER.getName()),
                        lag(FOLLOWUP.STAGE).over(byCustomer).as(PREVIOUS_STAGE.getName()),
                        rowNumber().over(byCustomer).cast(Long.class).as(SEQ.getName()))
                .from(FOLLOWUP)
                .join(journey).on(FOLLOWUP.CUSTOMER_ID.eq(CustomerJourneys.CUSTOMER_ID))
                .where(FactConditions.counted())
                .asTable("step");
    }

    private static <T> Field<T> step(String column, Class<T> type) {
        return field(name("step", column), type);
    }
}
