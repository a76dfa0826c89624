package dev.pulse.report.funnel;

import dev.pulse.report.web.DateRange;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The query parameters that choose a cohort, the same on every cohort report, the lists behind its
 * figures and their exports (and on the forecast, whose days are days of expected close). Bound as
 * a {@code @ParameterObject}: each component as the {@code @RequestParam} on it says. (springdoc reads
 * a record's fields, which {@code @RequestParam} does not reach: {@code @Parameter} says what it would.)
 */
public record CohortQuery(
        @Parameter(description = "First day (ISO date): of the cohort, customers whose first follow-up is on or after "
                + "it; for the forecast, of expected close", required = true)
        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @Parameter(description = "Last day, inclusive (ISO date)", required = true)
        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @Parameter(description = "Only customers owned by this rep (the rep of their latest follow-up)")
        @RequestParam(required = false) String repId,
        @Parameter(description = "Only customers owned by this team") @RequestParam(required = false) String teamId,
        @Parameter(description = "Only customers from this source (of their first follow-up naming one)")
        @RequestParam(required = false) String source) {

    /** The caller's filter: refused with 400 for a reversed or too long range, 403 for a rep or team out of scope. */
    public FunnelFilter filter() {
        return FunnelFilter.forCaller(new DateRange(from, to), repId, teamId, source);
    }

    /** What an export's file name starts with: the period as asked. */
    public String period() {
        return from + "_" + to;
    }
}
