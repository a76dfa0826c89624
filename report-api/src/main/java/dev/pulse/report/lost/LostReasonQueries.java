package dev.pulse.report.lost;

import static dev.pulse.report.journey.CustomerJourneys.CUSTOMER_ID;
import static dev.pulse.report.journey.CustomerJourneys.CUSTOMER_NAME;
import static dev.pulse.report.journey.CustomerJourneys.FIRST_AT;
import static dev.pulse.report.journey.CustomerJourneys.FIRST_LOST_AT;
import static dev.pulse.report.journey.CustomerJourneys.LOST_FROM;
import static dev.pulse.report.journey.CustomerJourneys.LOST_REASON;
import static dev.pulse.report.journey.CustomerJourneys.OWNER_REP;
import static dev.pulse.report.journey.CustomerJourneys.OWNER_TEAM;
import static dev.pulse.report.journey.CustomerJourneys.SOURCE;
import static dev.pulse.report.journey.CustomerJourneys.STAGE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.trim;

import dev.pulse.events.Pipeline;
import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.journey.CustomerJourneys;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.Table;
import org.springframework.stereotype.Service;

/**
 * Lost reasons of a cohort's customers now LOST (DESIGN.md "Lost reasons"), counted in SQL from
 * the follow-up facts ({@link CustomerJourneys}) and folded into the top N plus "other" in Java.
 */
@Service
public class LostReasonQueries {

    /** The reason as counted: trimmed and case-folded, so "No budget " and "no budget" are one. */
    private static final Field<String> KEY = coalesce(lower(trim(LOST_REASON)), inline(""));

    private final DSLContext db;
    private final CustomerJourneys journeys;

    LostReasonQueries(DSLContext db, CustomerJourneys journeys) {
        this.db = db;
        this.journeys = journeys;
    }

    public LostReasonsView lostReasons(FunnelFilter filter, LostReasonGrouping grouping, int top) {
        return LostReasonShares.of(counts(filter, grouping), top, grouping.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The lost customers behind one figure: of {@code group} (ignored without grouping; null means
     * customers without a value) with reason {@code key}, or, when {@code key} is null, with any
     * reason outside the top N: the list's length is the figure's count.
     */
    public List<LostCustomerView> customers(FunnelFilter filter, LostReasonGrouping grouping, String group, String key,
                                            int top) {
        Condition reason;
        if (key != null) {
            reason = KEY.eq(key);
        } else {
            List<String> named = lostReasons(filter, grouping, top).reasons().stream()
                    .filter(r -> !r.other()).map(LostReasonRow::key).toList();
            reason = named.isEmpty() ? noCondition() : KEY.notIn(named);
        }
        Condition inGroup = grouping.column() == null ? noCondition()
                : group == null ? grouping.column().isNull() : grouping.column().eq(group);
        return db.select(CUSTOMER_ID, CUSTOMER_NAME, OWNER_REP, OWNER_TEAM, SOURCE, LOST_FROM, LOST_REASON, FIRST_AT,
                        FIRST_LOST_AT)
                .from(journeys.of(filter))
                .where(STAGE.eq(Pipeline.LOST)).and(inGroup).and(reason)
                .orderBy(FIRST_LOST_AT.desc(), CUSTOMER_ID)
                .fetch(Records.mapping(LostCustomerView::new));
    }

    private List<LostReasonCount> counts(FunnelFilter filter, LostReasonGrouping grouping) {
        Table<?> lost = journeys.of(filter);
        Field<String> group = grouping.column();
        Field<String> spelling = coalesce(trim(LOST_REASON), inline(""));
        List<Field<?>> groupBy = new ArrayList<>(List.of(KEY, spelling));
        if (group != null) {
            groupBy.add(group);
        }
        return db.select(group == null ? inline((String) null) : group, KEY, spelling, count())
                .from(lost)
                .where(STAGE.eq(Pipeline.LOST))
                .groupBy(groupBy)
                .fetch(r -> new LostReasonCount(r.value1(), r.value2(), r.value3(), r.value4()));
    }
}
