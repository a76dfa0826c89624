package dev.pulse.report.forecast;

import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.web.DateRange;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The owner filters of the stage-probability table, of the customers behind one of its rows and of
 * their export. Bound as a {@code @ParameterObject}: each component as the {@code @RequestParam} on it says.
 */
record OwnerQuery(
        @RequestParam(required = false) String repId,
        @RequestParam(required = false) String teamId,
        @RequestParam(required = false) String source) {

    /** The caller's owner filter as of {@code day}: 403 for a rep or team out of scope. */
    FunnelFilter owner(LocalDate day) {
        return FunnelFilter.forCaller(new DateRange(day, day), repId, teamId, source);
    }
}
