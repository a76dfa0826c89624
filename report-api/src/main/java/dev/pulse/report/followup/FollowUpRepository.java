package dev.pulse.report.followup;

import static dev.pulse.report.db.Tables.FOLLOWUP;
import static org.jooq.impl.DSL.noCondition;

import dev.pulse.report.security.Scopes;
import dev.pulse.security.AccessScope;

import dev.pulse.report.web.DateRange;
import java.time.ZoneId;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

@Repository
class FollowUpRepository {

    private final DSLContext db;

    FollowUpRepository(DSLContext db) {
        this.db = db;
    }

    /** Newest first; served by the (customer_id, occurred_at) and (rep_id, occurred_at) indexes. */
    List<FollowUpView> find(AccessScope scope, String customerId, String repId, DateRange range, ZoneId zone, int limit) {
        return db.select(FOLLOWUP.EVENT_ID, FOLLOWUP.CUSTOMER_ID, FOLLOWUP.CUSTOMER_NAME, FOLLOWUP.COMPANY,
                        FOLLOWUP.REP_ID, FOLLOWUP.REP_NAME, FOLLOWUP.TEAM_ID, FOLLOWUP.OCCURRED_AT, FOLLOWUP.CHANNEL,
                        FOLLOWUP.CONTENT, FOLLOWUP.STAGE, FOLLOWUP.RESULT, FOLLOWUP.NEXT_FOLLOW_UP_AT)
                .from(FOLLOWUP)
                .where(customerId == null ? noCondition() : FOLLOWUP.CUSTOMER_ID.eq(customerId))
                .and(repId == null ? noCondition() : FOLLOWUP.REP_ID.eq(repId))
                .and(Scopes.rows(scope, FOLLOWUP.REP_ID, FOLLOWUP.TEAM_ID))
                .and(range == null ? noCondition()
                        : FOLLOWUP.OCCURRED_AT.ge(range.startIn(zone)).and(FOLLOWUP.OCCURRED_AT.lt(range.endIn(zone))))
                .orderBy(FOLLOWUP.OCCURRED_AT.desc(), FOLLOWUP.EVENT_ID)
                .limit(limit)
                .fetch(Records.mapping(FollowUpView::new));
    }
}
