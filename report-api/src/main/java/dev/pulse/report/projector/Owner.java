package dev.pulse.report.projector;

/**
 * Whose figures a projected record changed: a rep and team, a team only (team rows), a rep only
 * (duplicate flags name reps), or nobody known (a deleted funnel cell). The live stream tells a
 * caller of a change only when its owner may be in the caller's scope.
 */
public record Owner(String repId, String teamId) {

    public static final Owner UNKNOWN = new Owner(null, null);
}
