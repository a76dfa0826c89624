package dev.pulse.report.ranges;

import dev.pulse.report.config.ReportProperties;
import dev.pulse.report.web.DateRange;
import dev.pulse.report.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Turns a range preset (this week, this quarter...) into dates in the reporting time zone. The
 * dashboards keep the preset in their URL and ask here on every load, so a shared link reopens
 * the same kind of view and a page left open over midnight moves on with the calendar.
 */
@RestController
@RequestMapping("/api/v1")
class RangeController {

    /** Today is the reporting zone's today. */
    private final Clock clock;

    RangeController(ReportProperties properties, Clock clock) {
        this.clock = clock.withZone(properties.zone());
    }

    @Operation(summary = "The from/to dates of a range preset today in the reporting time zone "
            + "(today, this_week, last_7_days, last_30_days, last_90_days, this_month, this_quarter)")
    @GetMapping("/date-range")
    ResolvedRangeView dateRange(@RequestParam String range) {
        RelativeRange preset = Parameters.oneOf(RelativeRange.class, "range", range);
        DateRange days = preset.resolve(LocalDate.now(clock));
        return new ResolvedRangeView(Parameters.lower(preset), days.from(), days.to(), clock.getZone().getId());
    }
}
