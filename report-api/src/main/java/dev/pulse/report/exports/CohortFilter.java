package dev.pulse.report.exports;

import java.util.Map;

/**
 * What a cohort report's filter tells its export: the cohort for the file name, and the filters
 * the audit log keeps. The funnel's filter is one; declared here so that exports need not know it.
 */
public interface CohortFilter {

    /** {@code <from>_<to>} of the cohort, for the file name. */
    String period();

    /** The filters for the audit log: the period, the report's own choices, the owner filters and the scope. */
    Map<String, Object> auditFilters(Map<String, Object> choices);
}
