package dev.pulse.report.funnel;

import dev.pulse.report.web.DateRange;

/**
 * Which cohort a funnel query is about: customers whose first follow-up falls in {@code cohort}
 * (inclusive days in the reporting time zone), optionally only those of one owner rep, team or
 * source. A null filter matches every value.
 */
public record FunnelFilter(DateRange cohort, String repId, String teamId, String source) {

    public FunnelFilter {
        repId = blankToNull(repId);
        teamId = blankToNull(teamId);
        source = blankToNull(source);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
