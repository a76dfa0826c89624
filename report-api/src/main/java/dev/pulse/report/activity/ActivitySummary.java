package dev.pulse.report.activity;

import java.math.BigDecimal;

/**
 * Totals for the overview.
 *
 * @param customerTouches distinct customers per rep and day, added up: one rep calling one
 *                        customer twice in a day is one touch
 * @param revenue         sum of sale amounts in the range (all currencies as recorded)
 */
public record ActivitySummary(
        long followUps,
        long activeReps,
        long teams,
        long customerTouches,
        long sales,
        BigDecimal revenue) {
}
