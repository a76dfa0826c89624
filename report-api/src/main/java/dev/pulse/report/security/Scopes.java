package dev.pulse.report.security;

import static dev.pulse.report.db.Tables.REP_ACTIVITY;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;

import dev.pulse.events.activity.ActivityScope;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.security.AccessScope;
import dev.pulse.security.web.CurrentUser;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The caller's scope as SQL. Every report query ANDs one of these into its WHERE clause, so rows
 * outside the scope are never read, let alone returned. Explicit filters outside the scope (a rep
 * asking for another rep, a manager for another team) are refused with 403 before any query.
 */
public final class Scopes {

    private Scopes() {
    }

    /** The caller's scope, once the filters they asked for are checked against it. */
    public static AccessScope checked(String repId, String teamId) {
        AccessScope scope = CurrentUser.get().scope();
        if (repId != null && !scope.mayAskForRep(repId)) {
            throw new ForbiddenException(MessageCode.OUTSIDE_SCOPE_REP, repId);
        }
        if (teamId != null && scope.kind() == AccessScope.Kind.TEAMS && !scope.coversTeam(teamId)) {
            throw new ForbiddenException(MessageCode.OUTSIDE_SCOPE_TEAM, teamId);
        }
        return scope;
    }

    /** Rows that belong to a rep and a team: follow-ups, sales, alerts, rep activity, funnel cells. */
    public static Condition rows(AccessScope scope, Field<String> repId, Field<String> teamId) {
        return switch (scope.kind()) {
            case EVERYTHING -> noCondition();
            case TEAMS -> teamId.in(scope.teamIds());
            case REP -> repId.eq(scope.repId());
            case NOTHING -> falseCondition();
        };
    }

    /** Rows of a whole team (team activity): a rep's own figures never include a team's. */
    public static Condition teamRows(AccessScope scope, Field<String> teamId) {
        return switch (scope.kind()) {
            case EVERYTHING -> noCondition();
            case TEAMS -> teamId.in(scope.teamIds());
            case REP, NOTHING -> falseCondition();
        };
    }

    /**
     * Rows naming several reps (duplicate flags): visible to a rep named in them, and to a manager
     * when one of the reps is in their teams, as the rep activity records team membership.
     */
    public static Condition anyRep(AccessScope scope, Field<String[]> repIds) {
        return switch (scope.kind()) {
            case EVERYTHING -> noCondition();
            case REP -> DSL.condition("{0} @> array[{1}]::text[]", repIds, DSL.val(scope.repId()));
            case TEAMS -> DSL.condition("{0} && array({1})::text[]", repIds,
                    selectDistinct(REP_ACTIVITY.REP_ID).from(REP_ACTIVITY)
                            .where(REP_ACTIVITY.SCOPE.eq(ActivityScope.REP.name()))
                            .and(REP_ACTIVITY.TEAM_ID.in(scope.teamIds())));
            case NOTHING -> falseCondition();
        };
    }
}
