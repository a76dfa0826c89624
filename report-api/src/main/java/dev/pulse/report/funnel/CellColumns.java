package dev.pulse.report.funnel;

import static dev.pulse.report.db.Tables.FUNNEL_CELL;
import static dev.pulse.report.db.Tables.FUNNEL_REVENUE;
import static dev.pulse.report.db.Tables.FUNNEL_STAGE;
import static dev.pulse.report.db.Tables.FUNNEL_STAGE_DAYS;
import static dev.pulse.report.db.Tables.FUNNEL_TRANSITION;
import static org.jooq.impl.DSL.noCondition;

import dev.pulse.report.security.Scopes;
import java.time.LocalDate;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * The cell identity every funnel table repeats (cohort day, owner rep, team, source), so that each
 * is filtered on its own columns, without a join. A filter's period is a range of the cohort_day
 * of the grain index; a rep or team filter, or scope, a range of the rep or team index. Each query
 * reads one {@link FunnelGrain}.
 */
record CellColumns(Field<String> grain, Field<LocalDate> cohortDay, Field<String> repId, Field<String> teamId,
                   Field<String> source) {

    static final CellColumns CELL = new CellColumns(FUNNEL_CELL.GRAIN, FUNNEL_CELL.COHORT_DAY, FUNNEL_CELL.REP_ID,
            FUNNEL_CELL.TEAM_ID, FUNNEL_CELL.SOURCE);
    static final CellColumns STAGE = new CellColumns(FUNNEL_STAGE.GRAIN, FUNNEL_STAGE.COHORT_DAY, FUNNEL_STAGE.REP_ID,
            FUNNEL_STAGE.TEAM_ID, FUNNEL_STAGE.SOURCE);
    static final CellColumns TRANSITION = new CellColumns(FUNNEL_TRANSITION.GRAIN, FUNNEL_TRANSITION.COHORT_DAY,
            FUNNEL_TRANSITION.REP_ID, FUNNEL_TRANSITION.TEAM_ID, FUNNEL_TRANSITION.SOURCE);
    static final CellColumns STAGE_DAYS = new CellColumns(FUNNEL_STAGE_DAYS.GRAIN, FUNNEL_STAGE_DAYS.COHORT_DAY,
            FUNNEL_STAGE_DAYS.REP_ID, FUNNEL_STAGE_DAYS.TEAM_ID, FUNNEL_STAGE_DAYS.SOURCE);
    static final CellColumns REVENUE = new CellColumns(FUNNEL_REVENUE.GRAIN, FUNNEL_REVENUE.COHORT_DAY,
            FUNNEL_REVENUE.REP_ID, FUNNEL_REVENUE.TEAM_ID, FUNNEL_REVENUE.SOURCE);

    /** The rows of one grain in the filter's cohort period, rep, team and source, inside the caller's scope. */
    Condition where(FunnelFilter filter, FunnelGrain grain) {
        return this.grain.eq(grain.name())
                .and(cohortDay.between(filter.cohort().from(), filter.cohort().to()))
                .and(filter.repId() == null ? noCondition() : repId.eq(filter.repId()))
                .and(filter.teamId() == null ? noCondition() : teamId.eq(filter.teamId()))
                .and(filter.source() == null ? noCondition() : source.eq(filter.source()))
                .and(Scopes.rows(filter.scope(), repId, teamId));
    }
}
