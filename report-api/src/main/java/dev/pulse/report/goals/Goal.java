package dev.pulse.report.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One goal as stored (table {@code goal}, V16).
 *
 * @param repId    the rep of a REP goal; null for a TEAM goal
 * @param teamId   the team: of a TEAM goal, or the team a rep's goal was set in
 * @param currency of a revenue goal only
 */
public record Goal(UUID goalId, Scope scope, String repId, String teamId, Metric metric, LocalDate periodStart,
                   BigDecimal target, String currency, String setBy, OffsetDateTime setAt) {

    public enum Scope { REP, TEAM }

    /** The day after the goal's period. */
    public LocalDate periodEnd() {
        return metric.periodEnd(periodStart);
    }
}
