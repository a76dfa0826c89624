package dev.pulse.report.journey;

import static dev.pulse.report.db.Tables.FOLLOWUP;
import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.arrayGet;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;

import dev.pulse.events.Pipeline;
import dev.pulse.events.Stage;
import dev.pulse.report.config.ReportProperties;
import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.security.Scopes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SelectField;
import org.jooq.SortField;
import org.jooq.Table;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One row per customer of a cohort, derived in SQL from the follow-up facts the projector already
 * keeps, for the reports the funnel cells cannot answer (lost reasons, cycle length, forecast):
 * who owns the customer, where it stands, where it came from and when it closed.
 *
 * <p>The definitions are those of DESIGN.md definition 2: a customer's history is ordered by
 * occurredAt, ties by eventId; its cohort day is the day of its first follow-up in the reporting
 * zone; its owner is the rep and team of its latest follow-up; its source the first one its history
 * names. The cohort is found through the follow-ups of the period ({@code followup_by_time}), then
 * each candidate's whole history through {@code followup_by_customer}, and a candidate with a
 * follow-up before the period is dropped: so a query reads the period's customers, not the table.
 * Filters and the caller's scope apply to the owner, as they do to funnel cells.
 */
@Component
public class CustomerJourneys {

    public static final Field<String> CUSTOMER_ID = column("customer_id", String.class);
    public static final Field<String> CUSTOMER_NAME = column("customer_name", String.class);
    public static final Field<OffsetDateTime> FIRST_AT = column("first_at", OffsetDateTime.class);
    public static final Field<OffsetDateTime> LAST_AT = column("last_at", OffsetDateTime.class);
    public static final Field<String> OWNER_REP = column("owner_rep", String.class);
    public static final Field<String> OWNER_TEAM = column("owner_team", String.class);
    public static final Field<String> SOURCE = column("source", String.class);
    /** The stage of the latest follow-up; won means at the pipeline's terminal forward stage. */
    public static final Field<String> STAGE = column("stage", String.class);
    /** The lost reason of the latest follow-up (the one that made a lost customer LOST, or a later one). */
    public static final Field<String> LOST_REASON = column("lost_reason", String.class);
    /** The stage of the latest follow-up that is not LOST: where a lost customer was lost from. */
    public static final Field<String> LOST_FROM = column("lost_from", String.class);
    public static final Field<OffsetDateTime> FIRST_WON_AT = column("first_won_at", OffsetDateTime.class);
    public static final Field<OffsetDateTime> FIRST_LOST_AT = column("first_lost_at", OffsetDateTime.class);
    /** The expected amount (and its currency) of the latest follow-up that names one, and the latest close date named. */
    public static final Field<BigDecimal> EXPECTED_AMOUNT = column("expected_amount", BigDecimal.class);
    public static final Field<String> EXPECTED_CURRENCY = column("expected_currency", String.class);
    public static final Field<LocalDate> EXPECTED_CLOSE_DATE = column("expected_close_date", LocalDate.class);
    /** The highest order of a forward stage the customer ever had (0 if only LOST): it reached every stage up to it. */
    public static final Field<Integer> HIGHEST_ORDER = column("highest_order", Integer.class);

    private final ZoneId zone;
    private final List<String> wonStages;
    private final Field<Integer> stageOrder;

    CustomerJourneys(ReportProperties properties, ObjectProvider<Pipeline> pipeline) {
        this.zone = properties.zone();
        this.wonStages = pipeline.getIfAvailable(Pipeline::defaults).stages().stream()
                .filter(stage -> stage.terminal() && !stage.isLost()).map(Stage::code).toList();
        org.jooq.CaseConditionStep<Integer> order = null;
        for (Stage stage : pipeline.getIfAvailable(Pipeline::defaults).stages()) {
            Condition at = FOLLOWUP.STAGE.eq(stage.code());
            org.jooq.Field<Integer> value = org.jooq.impl.DSL.inline(stage.isLost() ? 0 : stage.order());
            order = order == null ? org.jooq.impl.DSL.when(at, value) : order.when(at, value);
        }
        this.stageOrder = order.else_(org.jooq.impl.DSL.inline(0));
    }

    /** The codes of the terminal forward stages: a customer at one of them is won. */
    public List<String> wonStages() {
        return wonStages;
    }

    /**
     * A follow-up's stage order (of {@code followup.stage}): the pipeline's order of a forward stage,
     * 0 for LOST and for a stage the pipeline does not know, as the processor orders them.
     */
    public Field<Integer> stageOrder() {
        return stageOrder;
    }

    /** The reporting time zone the cohort days are cut in. */
    public ZoneId zone() {
        return zone;
    }

    /** The customers of the filter's cohort, owner filters and the caller's scope applied, as table {@code journey}. */
    public Table<?> of(FunnelFilter filter) {
        OffsetDateTime start = filter.cohort().startIn(zone);
        OffsetDateTime end = filter.cohort().endIn(zone);
        return journeys(FOLLOWUP.OCCURRED_AT.ge(start).and(FOLLOWUP.OCCURRED_AT.lt(end)),
                min(FOLLOWUP.OCCURRED_AT).ge(start), filter);
    }

    /**
     * The customers of any cohort whose latest expected deal closes between the filter's two days
     * (its cohort range read as a range of expected close dates), owner filters and scope applied.
     * Found through the follow-ups naming such a date ({@code followup_by_close_date}).
     */
    public Table<?> closingIn(FunnelFilter filter) {
        Condition candidates = FOLLOWUP.EXPECTED_CLOSE_DATE.between(filter.cohort().from(), filter.cohort().to());
        Table<?> all = journeys(candidates, org.jooq.impl.DSL.trueCondition(), filter);
        Field<LocalDate> close = field(name(all.getName(), EXPECTED_CLOSE_DATE.getName()), LocalDate.class);
        return select(all.fields()).from(all)
                .where(close.between(filter.cohort().from(), filter.cohort().to()))
                .asTable("journey");
    }

    private Table<?> journeys(Condition candidateRows, Condition keep, FunnelFilter filter) {
        SortField<?>[] latest = {FOLLOWUP.OCCURRED_AT.desc(), FOLLOWUP.EVENT_ID.desc()};
        SortField<?>[] earliest = {FOLLOWUP.OCCURRED_AT.asc(), FOLLOWUP.EVENT_ID.asc()};
        // a list, not sixteen typed arguments: the columns are read by name, and javac need not infer a Record16
        List<SelectField<?>> columns = List.of(
                FOLLOWUP.CUSTOMER_ID.as(CUSTOMER_ID.getUnqualifiedName()),
                first(FOLLOWUP.CUSTOMER_NAME, noCondition(), latest).as(CUSTOMER_NAME.getUnqualifiedName()),
                min(FOLLOWUP.OCCURRED_AT).as(FIRST_AT.getUnqualifiedName()),
                org.jooq.impl.DSL.max(FOLLOWUP.OCCURRED_AT).as(LAST_AT.getUnqualifiedName()),
                first(FOLLOWUP.REP_ID, noCondition(), latest).as(OWNER_REP.getUnqualifiedName()),
                first(FOLLOWUP.TEAM_ID, noCondition(), latest).as(OWNER_TEAM.getUnqualifiedName()),
                first(FOLLOWUP.SOURCE, FOLLOWUP.SOURCE.isNotNull(), earliest).as(SOURCE.getUnqualifiedName()),
                first(FOLLOWUP.STAGE, noCondition(), latest).as(STAGE.getUnqualifiedName()),
                first(FOLLOWUP.LOST_REASON, noCondition(), latest).as(LOST_REASON.getUnqualifiedName()),
                first(FOLLOWUP.STAGE, FOLLOWUP.STAGE.ne(Pipeline.LOST), latest).as(LOST_FROM.getUnqualifiedName()),
                min(FOLLOWUP.OCCURRED_AT).filterWhere(FOLLOWUP.STAGE.in(wonStages))
                        .as(FIRST_WON_AT.getUnqualifiedName()),
                min(FOLLOWUP.OCCURRED_AT).filterWhere(FOLLOWUP.STAGE.eq(Pipeline.LOST))
                        .as(FIRST_LOST_AT.getUnqualifiedName()),
                first(FOLLOWUP.EXPECTED_AMOUNT, FOLLOWUP.EXPECTED_AMOUNT.isNotNull(), latest)
                        .as(EXPECTED_AMOUNT.getUnqualifiedName()),
                first(FOLLOWUP.EXPECTED_CURRENCY, FOLLOWUP.EXPECTED_AMOUNT.isNotNull(), latest)
                        .as(EXPECTED_CURRENCY.getUnqualifiedName()),
                first(FOLLOWUP.EXPECTED_CLOSE_DATE, FOLLOWUP.EXPECTED_CLOSE_DATE.isNotNull(), latest)
                        .as(EXPECTED_CLOSE_DATE.getUnqualifiedName()),
                org.jooq.impl.DSL.max(stageOrder).as(HIGHEST_ORDER.getUnqualifiedName()));
        Table<?> perCustomer = select(columns)
                .from(FOLLOWUP)
                .where(FOLLOWUP.CUSTOMER_ID.in(select(FOLLOWUP.CUSTOMER_ID).from(FOLLOWUP).where(candidateRows)))
                .groupBy(FOLLOWUP.CUSTOMER_ID)
                .having(keep)
                .asTable("per_customer");
        return select(perCustomer.fields()).from(perCustomer)
                .where(owner(filter))
                .asTable("journey");
    }

    private static Condition owner(FunnelFilter filter) {
        Field<String> rep = field(name("per_customer", OWNER_REP.getName()), String.class);
        Field<String> team = field(name("per_customer", OWNER_TEAM.getName()), String.class);
        Field<String> source = field(name("per_customer", SOURCE.getName()), String.class);
        return (filter.repId() == null ? noCondition() : rep.eq(filter.repId()))
                .and(filter.teamId() == null ? noCondition() : team.eq(filter.teamId()))
                .and(filter.source() == null ? noCondition() : source.eq(filter.source()))
                .and(Scopes.rows(filter.scope(), rep, team));
    }

    /** The value of the first row in {@code order} among those matching {@code which}, null when none does. */
    private static <T> Field<T> first(Field<T> value, Condition which, SortField<?>... order) {
        return arrayGet(arrayAgg(value).orderBy(order).filterWhere(which), 1);
    }

    private static <T> Field<T> column(String column, Class<T> type) {
        return field(name("journey", column), type);
    }
}
