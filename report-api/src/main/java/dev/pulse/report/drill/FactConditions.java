package dev.pulse.report.drill;

import static dev.pulse.report.db.Tables.DUPLICATE_FLAG;
import static dev.pulse.report.db.Tables.FOLLOWUP;
import static dev.pulse.report.db.Tables.SALE;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;

import dev.pulse.events.duplicates.DuplicateType;
import dev.pulse.report.followup.CustomerSource;
import dev.pulse.report.security.Scopes;
import dev.pulse.report.web.DateRange;
import dev.pulse.security.AccessScope;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.jooq.Condition;

/**
 * The predicates of the overview's figures over the fact tables, shared by a figure and the list
 * behind it so that the list's length is the figure by construction (the sales card counts
 * {@link #sales} rows; its drill-down lists them). The follow-up figures are summed from the
 * processor's activity rows instead; {@link #followUps} is the same definition (DESIGN.md
 * definition 1: a follow-up counts under its own rep and team, on its day in the reporting zone)
 * over the facts, and the traceability tests check that both agree.
 */
public final class FactConditions {

    private FactConditions() {
    }

    /**
     * Counted follow-ups of the days in the reporting zone, of the rep and team asked for, within the
     * caller's scope. A duplicate entry (DESIGN.md: the same follow-up typed again) is in the fact table
     * but counted in no aggregate, so it is left out here too: its flag names the counted original
     * first and every retyped copy after it.
     */
    public static Condition followUps(AccessScope scope, DateRange range, ZoneId zone, String repId, String teamId) {
        return followUpsBetween(range.startIn(zone), range.endIn(zone), repId, teamId)
                .and(Scopes.rows(scope, FOLLOWUP.REP_ID, FOLLOWUP.TEAM_ID));
    }

    /** {@link #followUps} of the customers of {@code source} (DESIGN.md definition 2; null: any source). */
    public static Condition followUps(AccessScope scope, DateRange range, ZoneId zone, String repId, String teamId,
                                      String source) {
        return followUps(scope, range, zone, repId, teamId).and(CustomerSource.is(FOLLOWUP.CUSTOMER_ID, source));
    }

    /**
     * Counted follow-ups from {@code start} (inclusive) to {@code end} (exclusive) of the rep and team
     * asked for (null: any), before any scope: the caller adds the scope its report applies.
     */
    public static Condition followUpsBetween(OffsetDateTime start, OffsetDateTime end, String repId, String teamId) {
        return FOLLOWUP.OCCURRED_AT.ge(start).and(FOLLOWUP.OCCURRED_AT.lt(end))
                .and(repId == null ? noCondition() : FOLLOWUP.REP_ID.eq(repId))
                .and(teamId == null ? noCondition() : FOLLOWUP.TEAM_ID.eq(teamId))
                .and(counted());
    }

    /**
     * Follow-ups counted in the aggregates: all but the retyped copies of a duplicate entry, which the
     * processor leaves out of every figure and of a customer's stage history alike.
     */
    public static Condition counted() {
        // NOT IN a set PostgreSQL hashes once per query, rather than a search of every flag per row
        return condition("{0} not in (select unnest({1}[2:])::uuid from {2} where {3} = {4})", FOLLOWUP.EVENT_ID,
                DUPLICATE_FLAG.EVENT_IDS, DUPLICATE_FLAG, DUPLICATE_FLAG.TYPE, inline(DuplicateType.DUPLICATE_ENTRY.name()));
    }

    /** Sales of the days in the reporting zone, of the rep and team asked for (null: any), within the caller's scope. */
    public static Condition sales(AccessScope scope, DateRange range, ZoneId zone, String repId, String teamId) {
        return SALE.OCCURRED_AT.ge(range.startIn(zone)).and(SALE.OCCURRED_AT.lt(range.endIn(zone)))
                .and(repId == null ? noCondition() : SALE.REP_ID.eq(repId))
                .and(teamId == null ? noCondition() : SALE.TEAM_ID.eq(teamId))
                .and(Scopes.rows(scope, SALE.REP_ID, SALE.TEAM_ID));
    }

    /** {@link #sales} to the customers of {@code source} (null: any source). */
    public static Condition sales(AccessScope scope, DateRange range, ZoneId zone, String repId, String teamId,
                                  String source) {
        return sales(scope, range, zone, repId, teamId).and(CustomerSource.is(SALE.CUSTOMER_ID, source));
    }
}
