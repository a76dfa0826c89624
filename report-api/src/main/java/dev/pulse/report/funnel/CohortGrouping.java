package dev.pulse.report.funnel;

import java.time.YearMonth;

/** How funnels are split into groups: by cohort month ({@code 2026-11}), by owner rep or by team. */
public enum CohortGrouping {
    MONTH,
    REP,
    TEAM;

    /** The group of a cell: null for a cell without a team when grouping by team. */
    String groupOf(StoredCell cell) {
        return switch (this) {
            case MONTH -> YearMonth.from(cell.cohortDay()).toString();
            case REP -> cell.repId();
            case TEAM -> cell.teamId();
        };
    }
}
