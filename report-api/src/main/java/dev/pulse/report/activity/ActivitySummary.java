package dev.pulse.report.activity;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Totals for the overview.
 *
 * @param customerTouches distinct customers per rep and day, added up: one rep calling one
 *                        customer twice in a day is one touch
 * @param sales           sales in the range, all currencies
 * @param revenueByCurrency sum of sale amounts in the range per currency (ISO 4217 code -> amount,
 *                        2 decimals, codes in alphabetical order, empty without sales): amounts of
 *                        different currencies are never added
 */
public record ActivitySummary(
        long followUps,
        long activeReps,
        long teams,
        long customerTouches,
        long sales,
        Map<String, BigDecimal> revenueByCurrency) {
}
