package dev.pulse.report.pool;

import static dev.pulse.report.db.Tables.ALERT;
import static org.jooq.impl.DSL.noCondition;

import dev.pulse.events.alerts.AlertKind;
import dev.pulse.events.alerts.AlertStatus;
import dev.pulse.report.alerts.StaleCustomerView;
import dev.pulse.report.followup.CustomerSource;
import java.time.Instant;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The pool is the open RELEASED alerts: the processor opens one when it releases a customer and
 * resolves it (CLAIMED) with the next follow-up, so the alert table already holds the list.
 */
@Repository
public class PoolRepository {

    private final DSLContext db;

    PoolRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Longest in the pool first; {@code teamId} and {@code repId} narrow to the customers a team or a
     * rep let go, {@code source} to the customers of that source (definition 2); null for all.
     */
    public List<PoolCustomerView> customers(String teamId, String repId, String source, Instant now) {
        return customers(teamId == null ? noCondition() : ALERT.TEAM_ID.eq(teamId), repId, source, now);
    }

    /** The customers released from no team: the pool chart's "no team" bar. */
    public List<PoolCustomerView> customersOfNoTeam(String repId, String source, Instant now) {
        return customers(ALERT.TEAM_ID.isNull(), repId, source, now);
    }

    private List<PoolCustomerView> customers(Condition team, String repId, String source, Instant now) {
        return db.selectFrom(ALERT)
                .where(ALERT.KIND.eq(AlertKind.RELEASED.name()))
                .and(ALERT.STATUS.eq(AlertStatus.OPEN.name()))
                .and(team)
                .and(repId == null ? noCondition() : ALERT.REP_ID.eq(repId))
                .and(CustomerSource.is(ALERT.CUSTOMER_ID, source))
                .orderBy(ALERT.OPENED_AT.asc(), ALERT.CUSTOMER_ID)
                .fetch(r -> new PoolCustomerView(r.getCustomerId(), r.getCustomerName(), r.getStage(), r.getRepId(),
                        r.getTeamId(), r.getLastFollowUpAt(), r.getOpenedAt(),
                        r.getLastFollowUpAt() == null ? 0 : StaleCustomerView.daysSince(r.getLastFollowUpAt().toInstant(), now),
                        r.getThresholdDays(), r.getAlertId()));
    }
}
