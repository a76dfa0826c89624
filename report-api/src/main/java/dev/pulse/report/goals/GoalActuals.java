package dev.pulse.report.goals;

import static dev.pulse.report.db.Tables.REP_ACTIVITY;
import static dev.pulse.report.db.Tables.SALE;

import dev.pulse.events.activity.ActivityScope;
import dev.pulse.events.activity.Granularity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * What a goal's rep or team has done so far in the goal's period, from the read model (DESIGN.md
 * definition 8): follow-ups from the live weekly activity (a follow-up typed twice counts once, as
 * on the overview), new customers from the follow-up facts (a customer is new in the month of its
 * first follow-up, and belongs to that follow-up's rep and team), revenue from the sales facts in
 * the goal's currency.
 */
@Component
class GoalActuals {

    private final DSLContext db;

    GoalActuals(DSLContext db) {
        this.db = db;
    }

    BigDecimal of(Goal goal, ZoneId zone) {
        boolean rep = goal.scope() == Goal.Scope.REP;
        OffsetDateTime from = goal.periodStart().atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime to = goal.periodEnd().atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        return switch (goal.metric()) {
            case FOLLOW_UPS_PER_WEEK -> {
                Long count = db.select(DSL.sum(REP_ACTIVITY.FOLLOW_UPS).cast(Long.class)).from(REP_ACTIVITY)
                        .where(REP_ACTIVITY.SCOPE.eq((rep ? ActivityScope.REP : ActivityScope.TEAM).name()))
                        .and(REP_ACTIVITY.GRANULARITY.eq(Granularity.WEEK.name()))
                        .and(REP_ACTIVITY.PERIOD_START.eq(goal.periodStart()))
                        .and(rep ? REP_ACTIVITY.REP_ID.eq(goal.repId()) : REP_ACTIVITY.TEAM_ID.eq(goal.teamId()))
                        .fetchOne(0, Long.class);
                yield BigDecimal.valueOf(count == null ? 0 : count);
            }
            case NEW_CUSTOMERS_PER_MONTH -> {
                // the candidates are the customers followed up in the month by the rep or team; of those, the
                // ones whose first follow-up ever (ties by event id) is in the month and was theirs
                String whose = rep ? "rep_id" : "team_id";
                Long count = db.fetchValue(DSL.field("""
                        (select count(*) from (
                           select distinct on (f.customer_id) f.customer_id, f.occurred_at, f.%1$s as whose
                           from followup f
                           where f.customer_id in (select c.customer_id from followup c
                                                   where c.occurred_at >= {0}::timestamptz and c.occurred_at < {1}::timestamptz and c.%1$s = {2})
                           order by f.customer_id, f.occurred_at, f.event_id) first_seen
                         where first_seen.occurred_at >= {0}::timestamptz and first_seen.occurred_at < {1}::timestamptz and first_seen.whose = {2})
                        """.formatted(whose), Long.class, DSL.val(from), DSL.val(to), DSL.val(rep ? goal.repId() : goal.teamId())));
                yield BigDecimal.valueOf(count == null ? 0 : count);
            }
            case REVENUE_PER_MONTH -> {
                BigDecimal sum = db.select(DSL.sum(SALE.AMOUNT)).from(SALE)
                        .where(SALE.OCCURRED_AT.ge(from)).and(SALE.OCCURRED_AT.lt(to))
                        .and(SALE.CURRENCY.eq(goal.currency()))
                        .and(rep ? SALE.REP_ID.eq(goal.repId()) : SALE.TEAM_ID.eq(goal.teamId()))
                        .fetchOne(0, BigDecimal.class);
                yield (sum == null ? BigDecimal.ZERO : sum).setScale(2, RoundingMode.HALF_UP);
            }
        };
    }
}
