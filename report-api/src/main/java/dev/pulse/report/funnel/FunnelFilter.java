package dev.pulse.report.funnel;

import dev.pulse.report.exports.CohortFilter;
import dev.pulse.report.security.Scopes;
import dev.pulse.report.web.DateRange;
import dev.pulse.security.AccessScope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which cohort a funnel query is about: customers whose first follow-up falls in {@code cohort}
 * (inclusive days in the reporting time zone), optionally only those of one owner rep, team or
 * source. A null filter matches every value.
 */
public record FunnelFilter(DateRange cohort, String repId, String teamId, String source, AccessScope scope)
        implements CohortFilter {

    public FunnelFilter {
        repId = blankToNull(repId);
        teamId = blankToNull(teamId);
        source = blankToNull(source);
    }

    /** The filter of the current caller, whose rep and team filters must lie inside their scope (else 403). */
    public static FunnelFilter forCaller(DateRange cohort, String repId, String teamId, String source) {
        return new FunnelFilter(cohort, repId, teamId, source, Scopes.checked(blankToNull(repId), blankToNull(teamId)));
    }

    @Override
    public String period() {
        return cohort.from() + "_" + cohort.to();
    }

    @Override
    public Map<String, Object> auditFilters(Map<String, Object> choices) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("from", cohort.from().toString());
        filters.put("to", cohort.to().toString());
        filters.putAll(choices);
        filters.put("repId", repId);
        filters.put("teamId", teamId);
        filters.put("source", source);
        filters.put("scope", scope.kind().name());
        return filters;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
