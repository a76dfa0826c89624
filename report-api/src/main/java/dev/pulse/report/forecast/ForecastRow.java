package dev.pulse.report.forecast;

import java.math.BigDecimal;

/**
 * Open customers expected to close in one month (of one group), in one currency.
 *
 * @param month              the month of their expected close date, {@code 2026-12}
 * @param group              owner rep, team or source; null without grouping or for no value
 * @param pipeline           the sum of their expected amounts
 * @param weighted           each amount times its stage's learned probability (as shown, 4 decimals), summed, 2 decimals
 * @param weightedConfigured the same with the configured probabilities; null when none is configured
 */
public record ForecastRow(String month, String group, String currency, long customers, BigDecimal pipeline,
                          BigDecimal weighted, BigDecimal weightedConfigured) {
}
