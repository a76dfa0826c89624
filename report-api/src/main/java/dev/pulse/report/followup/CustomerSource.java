package dev.pulse.report.followup;

import static dev.pulse.report.db.Tables.FOLLOWUP;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.unnest;

import dev.pulse.report.db.tables.Followup;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * The source filter of the lists kept per customer rather than per cohort cell (the stale list, the
 * pool, duplicate flags): a customer's source is the first {@code source} its history names
 * (DESIGN.md definition 2: by occurredAt, ties by eventId), read from the follow-up facts through
 * {@code followup_by_customer}, so these lists cut by source exactly as the funnel does.
 */
public final class CustomerSource {

    private CustomerSource() {
    }

    /** The customer's source is {@code source}; no condition when source is null. */
    public static Condition is(Field<String> customerId, String source) {
        if (source == null) {
            return noCondition();
        }
        Followup f = FOLLOWUP.as("source_of");
        return field(select(f.SOURCE).from(f)
                .where(f.CUSTOMER_ID.eq(customerId)).and(f.SOURCE.isNotNull())
                .orderBy(f.OCCURRED_AT, f.EVENT_ID).limit(1)).eq(source);
    }

    /** One of the customers is of {@code source} (a duplicate flag names several); no condition when null. */
    public static Condition anyIs(Field<String[]> customerIds, String source) {
        if (source == null) {
            return noCondition();
        }
        return exists(selectOne().from(unnest(customerIds).as("flag_customer", "customer_id"))
                .where(is(field(name("flag_customer", "customer_id"), String.class), source)));
    }
}
