package dev.pulse.report.forecast;

import java.math.BigDecimal;

/**
 * The chance a customer at a stage is won, learned from history and, when configured, as set.
 *
 * @param reached    customers who first reached the stage within the learning window (skipped stages count)
 * @param won        of those, the ones at a won stage at the window's end
 * @param learned    won / reached, 4 decimals; null when nobody reached the stage
 * @param configured pulse.forecast.stage-probabilities, null when not set
 */
public record StageProbabilityView(String stage, long reached, long won, BigDecimal learned, BigDecimal configured) {
}
