package dev.pulse.report.goals;

import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The query parameters of the goal list, the attainment report and its export: a day of the periods
 * wanted and the optional rep, team and metric. Bound as a {@code @ParameterObject}: each component
 * as the {@code @RequestParam} on it says.
 */
record GoalQuery(
        @Parameter(description = "A day of the periods wanted (ISO date); absent: every period in the goal list, "
                + "today in the reporting zone in the attainment report and its export")
        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
        @RequestParam(required = false) String repId,
        @RequestParam(required = false) String teamId,
        @RequestParam(required = false) String metric) {
}
