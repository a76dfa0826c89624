package dev.pulse.report.alerts;

import static dev.pulse.report.db.Tables.ALERT;
import static org.jooq.impl.DSL.noCondition;

import dev.pulse.events.alerts.AlertKind;
import dev.pulse.report.followup.CustomerSource;
import dev.pulse.report.security.Scopes;
import dev.pulse.security.AccessScope;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

@Repository
class AlertRepository {

    private final DSLContext db;

    AlertRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Customers with an open alert, longest silence first. A customer released to the pool is no
     * rep's to call any more: it is listed only when RELEASED is asked for (the pool has its own list).
     */
    List<StaleCustomerView> staleCustomers(AccessScope scope, String repId, String teamId, String kind, Instant now) {
        return staleCustomers(scope, repId, teamId, null, kind, now);
    }

    /** {@code source}: the customer's source (definition 2), null for any. */
    List<StaleCustomerView> staleCustomers(AccessScope scope, String repId, String teamId, String source, String kind,
                                           Instant now) {
        return db.selectFrom(ALERT)
                .where(ALERT.STATUS.eq("OPEN"))
                .and(repId == null ? noCondition() : ALERT.REP_ID.eq(repId))
                .and(teamId == null ? noCondition() : ALERT.TEAM_ID.eq(teamId))
                .and(CustomerSource.is(ALERT.CUSTOMER_ID, source))
                .and(kind == null ? ALERT.KIND.ne(AlertKind.RELEASED.name()) : ALERT.KIND.eq(kind))
                .and(Scopes.rows(scope, ALERT.REP_ID, ALERT.TEAM_ID))
                .orderBy(ALERT.LAST_FOLLOW_UP_AT.asc(), ALERT.CUSTOMER_ID, ALERT.KIND)
                .fetch(r -> new StaleCustomerView(r.getCustomerId(), r.getCustomerName(), r.getRepId(), r.getTeamId(),
                        r.getStage(), r.getKind(), r.getLastFollowUpAt(), r.getNextFollowUpAt(),
                        AlertMessages.days(r.getLastFollowUpAt().toInstant(), now), r.getThresholdDays(), r.getDueAt(),
                        r.getAlertId(), r.getOpenedAt()));
    }

    List<AlertView> alerts(AccessScope scope, String status, String customerId, int limit) {
        return db.select(ALERT.ALERT_ID, ALERT.CUSTOMER_ID, ALERT.CUSTOMER_NAME, ALERT.REP_ID, ALERT.TEAM_ID, ALERT.STAGE,
                        ALERT.KIND, ALERT.STATUS, ALERT.OPENED_AT, ALERT.RESOLVED_AT, ALERT.RESOLUTION,
                        ALERT.CLAIMED_BY)
                .from(ALERT)
                .where(status == null ? noCondition() : ALERT.STATUS.eq(status))
                .and(customerId == null ? noCondition() : ALERT.CUSTOMER_ID.eq(customerId))
                .and(Scopes.rows(scope, ALERT.REP_ID, ALERT.TEAM_ID))
                .orderBy(ALERT.OPENED_AT.desc(), ALERT.ALERT_ID)
                .limit(limit)
                .fetch(Records.mapping(AlertView::new));
    }
}
