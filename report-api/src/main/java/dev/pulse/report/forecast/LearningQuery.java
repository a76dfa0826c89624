package dev.pulse.report.forecast;

import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.web.DateRange;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The query parameters of the stage-probability table, of the customers behind one of its rows and
 * of their export: the owner filters and the learning window (its last day and how many months it
 * spans). Bound as a {@code @ParameterObject}: each component as the {@code @RequestParam} on it says.
 */
record LearningQuery(
        @RequestParam(required = false) String repId,
        @RequestParam(required = false) String teamId,
        @RequestParam(required = false) String source,
        @Parameter(description = ForecastController.AS_OF) @RequestParam(required = false)
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
        @Parameter(description = ForecastController.MONTHS) @RequestParam(required = false) Integer months) {

    /** The caller's owner filter as of {@code day}: 403 for a rep or team out of scope. */
    FunnelFilter owner(LocalDate day) {
        return FunnelFilter.forCaller(new DateRange(day, day), repId, teamId, source);
    }
}
