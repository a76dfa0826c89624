package dev.pulse.report.drill;

import static dev.pulse.report.db.Tables.FOLLOWUP;
import static dev.pulse.report.db.Tables.SALE;
import static dev.pulse.report.journey.CustomerJourneys.CUSTOMER_ID;
import static dev.pulse.report.journey.CustomerJourneys.CUSTOMER_NAME;
import static dev.pulse.report.journey.CustomerJourneys.FIRST_AT;
import static dev.pulse.report.journey.CustomerJourneys.FIRST_LOST_AT;
import static dev.pulse.report.journey.CustomerJourneys.HIGHEST_ORDER;
import static dev.pulse.report.journey.CustomerJourneys.LAST_AT;
import static dev.pulse.report.journey.CustomerJourneys.OWNER_REP;
import static dev.pulse.report.journey.CustomerJourneys.OWNER_TEAM;
import static dev.pulse.report.journey.CustomerJourneys.SOURCE;
import static dev.pulse.report.journey.CustomerJourneys.STAGE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;

import dev.pulse.events.Pipeline;
import dev.pulse.events.Stage;
import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.journey.CustomerJourneys;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/** The rows behind the overview's and the funnel's figures, a page at a time. */
@Service
class DrillQueries {

    private final DSLContext db;
    private final CustomerJourneys journeys;

    DrillQueries(DSLContext db, CustomerJourneys journeys) {
        this.db = db;
        this.journeys = journeys;
    }

    DrillPage<FollowUpRow> followUps(Condition which, int offset, int limit) {
        long total = db.fetchCount(FOLLOWUP, which);
        List<FollowUpRow> rows = db.select(FOLLOWUP.EVENT_ID, FOLLOWUP.CUSTOMER_ID, FOLLOWUP.CUSTOMER_NAME, FOLLOWUP.REP_ID,
                        FOLLOWUP.TEAM_ID, FOLLOWUP.OCCURRED_AT, FOLLOWUP.CHANNEL, FOLLOWUP.STAGE)
                .from(FOLLOWUP).where(which)
                .orderBy(FOLLOWUP.OCCURRED_AT.desc(), FOLLOWUP.EVENT_ID)
                .offset(offset).limit(limit)
                .fetch(Records.mapping(FollowUpRow::new));
        return new DrillPage<>(total, offset, limit, rows);
    }

    /**
     * The reps or teams behind the overview's active-reps or teams card: the distinct non-empty
     * values of {@code key} among the follow-ups, as the card counts them (count distinct, no nulls).
     */
    DrillPage<GroupRow> groups(Condition which, Field<String> key, int offset, int limit) {
        List<GroupRow> all = db.select(key, count(), countDistinct(FOLLOWUP.CUSTOMER_ID))
                .from(FOLLOWUP).where(which.and(key.isNotNull()))
                .groupBy(key)
                .orderBy(count().desc(), key)
                .fetch(r -> new GroupRow(r.value1(), r.value2(), r.value3()));
        return DrillPage.of(all, offset, limit);
    }

    /**
     * The touches behind the overview's touches card: distinct customers per rep, team and day in
     * the reporting zone (the processor's activity row's customers), one row each.
     */
    DrillPage<TouchRow> touches(Condition which, ZoneId zone, int offset, int limit) {
        Field<LocalDate> day = DSL.field("({0} at time zone {1})::date", LocalDate.class, FOLLOWUP.OCCURRED_AT,
                inline(zone.getId()));
        List<TouchRow> all = db.select(day, FOLLOWUP.REP_ID, FOLLOWUP.TEAM_ID, FOLLOWUP.CUSTOMER_ID,
                        max(FOLLOWUP.CUSTOMER_NAME), count())
                .from(FOLLOWUP).where(which)
                .groupBy(day, FOLLOWUP.REP_ID, FOLLOWUP.TEAM_ID, FOLLOWUP.CUSTOMER_ID)
                .orderBy(day.desc(), FOLLOWUP.REP_ID, FOLLOWUP.TEAM_ID, FOLLOWUP.CUSTOMER_ID)
                .fetch(r -> new TouchRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
        return DrillPage.of(all, offset, limit);
    }

    /**
     * The new customers behind a goal's attainment (DESIGN.md definition 8): the customers whose first
     * follow-up ever (ties by event id) is one of {@code which}, listed as that first follow-up, so a
     * customer is new in the range, rep and team of its first follow-up.
     */
    DrillPage<FollowUpRow> newCustomers(Condition which, int offset, int limit) {
        var first = FOLLOWUP.as("first_seen");
        var candidates = DSL.select(FOLLOWUP.CUSTOMER_ID).from(FOLLOWUP).where(which);
        return followUps(which.and(FOLLOWUP.EVENT_ID.in(DSL.select(first.EVENT_ID).distinctOn(first.CUSTOMER_ID).from(first)
                .where(first.CUSTOMER_ID.in(candidates))
                .orderBy(first.CUSTOMER_ID, first.OCCURRED_AT, first.EVENT_ID))), offset, limit);
    }

    /**
     * The sales a funnel cell's revenue adds up (DESIGN.md definition 2): every order of the filter's
     * cohort customers, whenever placed, under the customer's owner rather than the sale's rep.
     */
    Condition salesOfCohort(FunnelFilter filter) {
        return SALE.CUSTOMER_ID.in(DSL.select(CUSTOMER_ID).from(journeys.of(filter)));
    }

    DrillPage<SaleRow> sales(Condition which, String currency, int offset, int limit) {
        Condition all = which.and(currency == null ? noCondition() : SALE.CURRENCY.eq(currency));
        long total = db.fetchCount(SALE, all);
        List<SaleRow> rows = db.select(SALE.ORDER_ID, SALE.CUSTOMER_ID, SALE.REP_ID, SALE.TEAM_ID, SALE.PRODUCT,
                        SALE.AMOUNT, SALE.CURRENCY, SALE.OCCURRED_AT)
                .from(SALE).where(all)
                .orderBy(SALE.OCCURRED_AT.desc(), SALE.ORDER_ID)
                .offset(offset).limit(limit)
                .fetch(Records.mapping(SaleRow::new));
        return new DrillPage<>(total, offset, limit, rows);
    }

    /**
     * The cohort's customers behind one funnel figure, by DESIGN.md definition 2 read from the
     * facts: reached a forward stage = its highest forward order is at least the stage's (skipped
     * stages count); reached LOST = ever lost; current = the stage of the latest follow-up.
     */
    DrillPage<FunnelCustomerRow> funnel(FunnelFilter filter, Stage stage, FunnelMeasure measure, int offset, int limit) {
        Condition which = switch (measure) {
            case ALL -> noCondition();
            case OPEN -> STAGE.notIn(journeys.wonStages()).and(STAGE.ne(Pipeline.LOST));
            case DECIDED -> STAGE.in(journeys.wonStages()).or(STAGE.eq(Pipeline.LOST));
            // the processor's with-sale: any order of the customer's, whenever it was placed
            case WITH_SALE -> DSL.exists(DSL.selectOne().from(SALE).where(SALE.CUSTOMER_ID.eq(CUSTOMER_ID)));
            case CURRENT -> STAGE.eq(stage.code());
            case REACHED -> stage.isLost() ? FIRST_LOST_AT.isNotNull() : HIGHEST_ORDER.ge(stage.order());
        };
        List<FunnelCustomerRow> all = db.select(CUSTOMER_ID, CUSTOMER_NAME, OWNER_REP, OWNER_TEAM, SOURCE, STAGE, FIRST_AT,
                        LAST_AT)
                .from(journeys.of(filter))
                .where(which)
                .orderBy(FIRST_AT, CUSTOMER_ID)
                .fetch(Records.mapping(FunnelCustomerRow::new));
        return DrillPage.of(all, offset, limit);
    }
}
