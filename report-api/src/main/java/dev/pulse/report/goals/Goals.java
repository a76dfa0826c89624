package dev.pulse.report.goals;

import static dev.pulse.report.db.Tables.GOAL;
import static dev.pulse.report.db.Tables.REP_ACTIVITY;

import dev.pulse.events.activity.ActivityScope;
import dev.pulse.report.db.tables.records.GoalRecord;
import dev.pulse.report.security.Scopes;
import dev.pulse.security.AccessScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/** The goals table: read in the caller's scope, written by the controller once it checked who may. */
@Component
class Goals {

    /** At most this many goals in one answer: a company's reps times three metrics, with room. */
    static final int MAX_ROWS = 5000;

    private final DSLContext db;

    Goals(DSLContext db) {
        this.db = db;
    }

    /**
     * The goals in {@code scope} whose period contains {@code day} (any period when null), of one rep
     * or team when asked, rep before team goals, then by team, rep, metric.
     */
    List<Goal> list(AccessScope scope, LocalDate day, String repId, String teamId, Metric metric) {
        Condition condition = Scopes.rows(scope, GOAL.REP_ID, GOAL.TEAM_ID);
        if (day != null) {
            condition = condition.and(GOAL.PERIOD_START.le(day)).and(DSL.or(
                    GOAL.METRIC.eq(Metric.FOLLOW_UPS_PER_WEEK.name()).and(GOAL.PERIOD_START.gt(day.minusWeeks(1))),
                    GOAL.METRIC.ne(Metric.FOLLOW_UPS_PER_WEEK.name()).and(GOAL.PERIOD_START.gt(day.minusMonths(1)))));
        }
        if (repId != null) {
            condition = condition.and(GOAL.REP_ID.eq(repId));
        }
        if (teamId != null) {
            condition = condition.and(GOAL.TEAM_ID.eq(teamId));
        }
        if (metric != null) {
            condition = condition.and(GOAL.METRIC.eq(metric.name()));
        }
        return db.selectFrom(GOAL).where(condition)
                .orderBy(GOAL.SCOPE, GOAL.TEAM_ID, GOAL.REP_ID, GOAL.METRIC, GOAL.PERIOD_START, GOAL.CURRENCY)
                .limit(MAX_ROWS)
                .fetch(Goals::goal);
    }

    Optional<Goal> find(UUID goalId) {
        return db.selectFrom(GOAL).where(GOAL.GOAL_ID.eq(goalId)).fetchOptional(Goals::goal);
    }

    /** False when the same rep or team already has a goal for the metric, period and currency. */
    boolean insert(Goal goal) {
        try {
            db.insertInto(GOAL).set(record(goal)).execute();
            return true;
        } catch (DataIntegrityViolationException | IntegrityConstraintViolationException e) {
            return false;
        }
    }

    /** False as {@link #insert}. */
    boolean update(Goal goal) {
        try {
            db.update(GOAL).set(record(goal)).where(GOAL.GOAL_ID.eq(goal.goalId())).execute();
            return true;
        } catch (DataIntegrityViolationException | IntegrityConstraintViolationException e) {
            return false;
        }
    }

    boolean delete(UUID goalId) {
        return db.deleteFrom(GOAL).where(GOAL.GOAL_ID.eq(goalId)).execute() > 0;
    }

    /** Whether the live activity has seen the rep working in the team, as the team filters of the dashboards do. */
    boolean seenInTeam(String repId, String teamId) {
        return db.fetchExists(REP_ACTIVITY, REP_ACTIVITY.SCOPE.eq(ActivityScope.REP.name())
                .and(REP_ACTIVITY.REP_ID.eq(repId)).and(REP_ACTIVITY.TEAM_ID.eq(teamId)));
    }

    private GoalRecord record(Goal goal) {
        GoalRecord record = db.newRecord(GOAL);
        record.setGoalId(goal.goalId());
        record.setScope(goal.scope().name());
        record.setRepId(goal.repId());
        record.setTeamId(goal.teamId());
        record.setMetric(goal.metric().name());
        record.setPeriodStart(goal.periodStart());
        record.setTarget(goal.target());
        record.setCurrency(goal.currency());
        record.setSetBy(goal.setBy());
        record.setSetAt(goal.setAt());
        return record;
    }

    private static Goal goal(GoalRecord r) {
        return new Goal(r.getGoalId(), Goal.Scope.valueOf(r.getScope()), r.getRepId(), r.getTeamId(),
                Metric.valueOf(r.getMetric()), r.getPeriodStart(), r.getTarget(), r.getCurrency(), r.getSetBy(),
                r.getSetAt());
    }
}
