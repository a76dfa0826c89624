package dev.pulse.report.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One goal against what the read model holds now (DESIGN.md definition 8).
 *
 * @param actual     follow-ups, new customers, or won revenue in the goal's currency, so far in the period
 * @param attainment actual / target (4 decimals)
 * @param elapsed    the share of the period elapsed (4 decimals)
 * @param expected   target x elapsed: where the goal should be by now (2 decimals)
 * @param pace       actual / expected (4 decimals); null before the period starts
 * @param behindPace pace below 1
 */
public record Attainment(UUID goalId, Goal.Scope scope, String repId, String teamId, Metric metric,
                         LocalDate periodStart, LocalDate periodEnd, BigDecimal target, String currency,
                         BigDecimal actual, BigDecimal attainment, BigDecimal elapsed, BigDecimal expected,
                         BigDecimal pace, boolean behindPace) {
}
