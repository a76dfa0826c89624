package dev.pulse.report.cycle;

import static dev.pulse.report.db.Tables.SALE;
import static dev.pulse.report.journey.CustomerJourneys.CUSTOMER_ID;
import static dev.pulse.report.journey.CustomerJourneys.CUSTOMER_NAME;
import static dev.pulse.report.journey.CustomerJourneys.FIRST_AT;
import static dev.pulse.report.journey.CustomerJourneys.FIRST_LOST_AT;
import static dev.pulse.report.journey.CustomerJourneys.FIRST_WON_AT;
import static dev.pulse.report.journey.CustomerJourneys.OWNER_REP;
import static dev.pulse.report.journey.CustomerJourneys.OWNER_TEAM;
import static dev.pulse.report.journey.CustomerJourneys.SOURCE;
import static dev.pulse.report.journey.CustomerJourneys.STAGE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import dev.pulse.events.Pipeline;
import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.journey.CustomerJourneys;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/**
 * Cycle length and pipeline velocity of a cohort (DESIGN.md "Cycle length and velocity"), from the
 * follow-up and sale facts ({@link CustomerJourneys}). A customer's cycle is the whole days, in the
 * reporting zone, from the day of its first follow-up to the day it first reached the outcome it
 * is at now: won, or lost.
 */
@Service
public class CycleQueries {

    static final String WON = "WON";
    static final String LOST = "LOST";
    private static final Comparator<String> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    private final DSLContext db;
    private final CustomerJourneys journeys;

    CycleQueries(DSLContext db, CustomerJourneys journeys) {
        this.db = db;
        this.journeys = journeys;
    }

    /** Per group, won then lost; groups in ascending order, customers without a value last. */
    public List<CycleLengthView> cycleLength(FunnelFilter filter, CycleGrouping grouping) {
        Field<String> group = grouping.of(journeys.zone());
        Field<String> outcome = outcome();
        Field<Integer> days = days();
        List<Field<?>> groupBy = new ArrayList<>(List.of(outcome, days));
        if (group != null) {
            groupBy.add(group);
        }
        Map<String, Map<String, CycleDays>> byGroup = new TreeMap<>(NULLS_LAST);
        db.select(group == null ? inline((String) null) : group, outcome, days, count())
                .from(journeys.of(filter))
                .where(outcome.isNotNull())
                .groupBy(groupBy)
                .forEach(r -> byGroup.computeIfAbsent(r.value1(), g -> new TreeMap<>(Comparator.reverseOrder()))
                        .computeIfAbsent(r.value2(), o -> new CycleDays()).add(r.value3(), r.value4()));
        List<CycleLengthView> rows = new ArrayList<>();
        byGroup.forEach((g, outcomes) -> outcomes.forEach((o, histogram) -> rows.add(new CycleLengthView(g, o,
                histogram.customers(), histogram.median(), histogram.average(), histogram.buckets()))));
        return rows;
    }

    /** The customers behind one row: of the group (ignored without grouping; null: without a value) at the outcome. */
    public List<CycleCustomerView> customers(FunnelFilter filter, CycleGrouping grouping, String group, String outcome) {
        Field<String> groupField = grouping.of(journeys.zone());
        Condition inGroup = groupField == null ? noCondition()
                : group == null ? groupField.isNull() : groupField.eq(group);
        return db.select(CUSTOMER_ID, CUSTOMER_NAME, OWNER_REP, OWNER_TEAM, SOURCE, outcome(), FIRST_AT, closedAt(), days())
                .from(journeys.of(filter))
                .where(outcome().eq(outcome)).and(inGroup)
                .orderBy(days().desc(), CUSTOMER_ID)
                .fetch(Records.mapping(CycleCustomerView::new));
    }

    public VelocityView velocity(FunnelFilter filter) {
        Table<?> cohort = journeys.of(filter);
        Condition won = STAGE.in(journeys.wonStages());
        var counts = db.select(count().filterWhere(outcome().isNull()), count().filterWhere(won),
                        count().filterWhere(STAGE.eq(Pipeline.LOST)), sum(days()).filterWhere(won))
                .from(cohort)
                .fetchOne();
        long open = counts.value1();
        long wonCount = counts.value2();
        long lost = counts.value3();
        BigDecimal wonDays = counts.value4();
        BigDecimal winRate = ratio(BigDecimal.valueOf(wonCount), BigDecimal.valueOf(wonCount + lost), 4);
        BigDecimal cycle = wonCount == 0 ? null : ratio(wonDays, BigDecimal.valueOf(wonCount), 2);
        List<VelocityView.Deal> deals = db.select(SALE.CURRENCY, sum(SALE.AMOUNT), countDistinct(SALE.CUSTOMER_ID))
                .from(SALE)
                .where(salesOfWon(cohort))
                .groupBy(SALE.CURRENCY)
                .orderBy(SALE.CURRENCY)
                .fetch(r -> {
                    BigDecimal average = ratio(r.value2(), BigDecimal.valueOf(r.value3()), 2);
                    // from the unrounded parts: open x won/(won+lost) x revenue/withSale / (days/won)
                    BigDecimal velocity = wonDays == null || wonDays.signum() == 0 ? null
                            : BigDecimal.valueOf(open).multiply(BigDecimal.valueOf(wonCount)).multiply(r.value2())
                            .multiply(BigDecimal.valueOf(wonCount))
                            .divide(BigDecimal.valueOf(wonCount + lost).multiply(BigDecimal.valueOf(r.value3()))
                                    .multiply(wonDays), 2, RoundingMode.HALF_UP);
                    return new VelocityView.Deal(r.value1(), r.value3(), r.value2().setScale(2, RoundingMode.HALF_UP),
                            average, velocity);
                });
        return new VelocityView(open, wonCount, lost, winRate, cycle, deals);
    }

    /**
     * The sales the velocity's average deal averages, per currency over the customers with one: every
     * sale of the filter's cohort customers won now, whenever it was placed. Its list shares this condition.
     */
    public Condition salesOfWon(FunnelFilter filter) {
        return salesOfWon(journeys.of(filter));
    }

    private Condition salesOfWon(Table<?> cohort) {
        return SALE.CUSTOMER_ID.in(select(CUSTOMER_ID).from(cohort).where(STAGE.in(journeys.wonStages())));
    }

    /*
     * The stage codes are inlined, not bound: the same expression is selected and grouped by, and
     * PostgreSQL takes two expressions with separate bind parameters for two different ones.
     */
    private Field<String> outcome() {
        return when(isWon(), inline(WON)).when(STAGE.eq(inline(Pipeline.LOST)), inline(LOST));
    }

    private Field<OffsetDateTime> closedAt() {
        return when(isWon(), FIRST_WON_AT).when(STAGE.eq(inline(Pipeline.LOST)), FIRST_LOST_AT);
    }

    private Condition isWon() {
        return STAGE.in(journeys.wonStages().stream().map(DSL::inline).toList());
    }

    /** Whole days between the two days in the reporting zone, as PostgreSQL subtracts dates. */
    private Field<Integer> days() {
        return DSL.field("(({0} at time zone {2})::date - ({1} at time zone {2})::date)", Integer.class, closedAt(),
                FIRST_AT, inline(journeys.zone().getId()));
    }

    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator, int scale) {
        return denominator.signum() == 0 ? null : numerator.divide(denominator, scale, RoundingMode.HALF_UP);
    }
}
