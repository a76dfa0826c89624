package dev.pulse.report.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * The weighted pipeline by month of expected close.
 *
 * @param asOf           the last day of the learning window
 * @param learningMonths the window's length in months
 * @param stages         the probability of each open stage
 */
public record ForecastView(LocalDate asOf, int learningMonths, List<StageProbabilityView> stages, List<ForecastRow> rows) {
}
