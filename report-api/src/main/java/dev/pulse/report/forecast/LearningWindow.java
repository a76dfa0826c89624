package dev.pulse.report.forecast;

import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The window the stage probabilities are learned over, as the forecast, its lists and the
 * probability table take it: its last day and how many months it spans, each defaulted by the
 * controller (today in the reporting zone, pulse.forecast.learning-months). Bound as a
 * {@code @ParameterObject}: each component as the {@code @RequestParam} on it says.
 */
record LearningWindow(
        @Parameter(description = "Last day of the learning window (ISO date); default today in the reporting zone")
        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
        @Parameter(description = "Months the probabilities are learned over (1 to 120); default "
                + "pulse.forecast.learning-months")
        @RequestParam(required = false) Integer months) {
}
