package dev.pulse.security;

import java.util.Set;

/**
 * The rows a caller may read, as the reports' queries apply it: every row, the rows of some teams,
 * the rows of one rep, or none. Queries turn it into a WHERE clause; nothing is filtered after the
 * rows have been read.
 */
public record AccessScope(Kind kind, String repId, Set<String> teamIds) {

    public enum Kind { EVERYTHING, TEAMS, REP, NOTHING }

    public AccessScope {
        teamIds = teamIds == null ? Set.of() : Set.copyOf(teamIds);
    }

    public static AccessScope everything() {
        return new AccessScope(Kind.EVERYTHING, null, Set.of());
    }

    public static AccessScope teams(Set<String> teamIds) {
        return new AccessScope(Kind.TEAMS, null, teamIds);
    }

    public static AccessScope rep(String repId) {
        return new AccessScope(Kind.REP, repId, Set.of());
    }

    public static AccessScope nothing() {
        return new AccessScope(Kind.NOTHING, null, Set.of());
    }

    /** Whether an explicit {@code teamId} filter asks for rows inside this scope. */
    public boolean coversTeam(String teamId) {
        return switch (kind) {
            case EVERYTHING -> true;
            case TEAMS -> teamIds.contains(teamId);
            case REP, NOTHING -> false;
        };
    }

    /** Whether an explicit {@code repId} filter may be asked for; a manager's reps are checked in the query. */
    public boolean mayAskForRep(String wantedRepId) {
        return switch (kind) {
            case EVERYTHING, TEAMS -> true;
            case REP -> repId.equals(wantedRepId);
            case NOTHING -> false;
        };
    }
}
