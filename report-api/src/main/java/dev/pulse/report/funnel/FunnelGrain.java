package dev.pulse.report.funnel;

import dev.pulse.events.funnel.FunnelCell;
import dev.pulse.security.AccessScope;

/**
 * How finely the funnel tables keep a cohort day: per owner rep, team and source (the cells the
 * stream processor sends), per team and source, and per source for the whole company. Each poll's
 * deltas are added at every grain, so a query reads the coarsest grain its filter allows: a
 * company's 90-day funnel sums about 90 x sources x stages rows whatever the number of reps, where
 * the rep grain alone made it tens of thousands at 2,000 reps (the full benchmark's 1.3 s p99).
 *
 * <p>Every grain holds the same customers, so a sum over any grain gives the same answer; a query
 * reads exactly one grain, or it would count each customer several times.
 */
public enum FunnelGrain {
    REP,
    TEAM,
    ALL;

    /** The cell as this grain keeps it: the identity this grain drops set to null, the figures unchanged. */
    public FunnelCell of(FunnelCell cell) {
        return switch (this) {
            case REP -> cell;
            case TEAM, ALL -> new FunnelCell(cell.cohortDay(), null, this == TEAM ? cell.teamId() : null,
                    cell.source(), cell.customers(), cell.reached(), cell.current(), cell.transitions(),
                    cell.stageDays(), cell.withSale(), cell.revenueByCurrency());
        };
    }

    /**
     * The row key of a cell of this grain. The rep grain keeps the processor's key; the coarser ones
     * are prefixed so that they never meet a rep-grain cell without a rep. (V7 writes the same keys
     * in SQL with {@code array_to_json}, which writes JSON as compactly as {@link FunnelCell#keyOf}.)
     */
    public String key(FunnelCell cell) {
        return this == REP ? cell.key() : name() + FunnelCell.keyOf(cell.cohortDay(), null,
                this == TEAM ? cell.teamId() : null, cell.source());
    }

    /**
     * The coarsest grain that answers a query: a rep filter, a rep's own scope or grouping by rep
     * needs the rep grain; a team filter, a manager's team scope or grouping by team the team grain;
     * anything else (the whole company, by source or cohort month) the company grain.
     */
    static FunnelGrain forQuery(FunnelFilter filter, CohortGrouping grouping) {
        AccessScope.Kind scope = filter.scope().kind();
        if (filter.repId() != null || scope == AccessScope.Kind.REP || grouping == CohortGrouping.REP) {
            return REP;
        }
        if (filter.teamId() != null || scope == AccessScope.Kind.TEAMS || grouping == CohortGrouping.TEAM) {
            return TEAM;
        }
        return ALL;
    }
}
