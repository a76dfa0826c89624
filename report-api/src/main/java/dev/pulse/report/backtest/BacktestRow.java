package dev.pulse.report.backtest;

import java.time.LocalDate;

/**
 * What the rules would have produced in one ISO week for one team; a week's total has no team, a
 * team's total no week.
 *
 * @param week        ISO week in the reporting zone, e.g. {@code 2026-W45}; null in a team's total
 * @param weekStart   its Monday
 * @param teamId      the team of the customer's latest follow-up when the step opened; null in a week's total
 *                    and for customers without a team
 * @param alerts      STALE alerts raised
 * @param escalations ESCALATED steps (the manager told)
 * @param releases    RELEASED steps (the customer to the 公海 pool)
 * @param claims      released customers claimed by a follow-up (counted for the claiming follow-up's team)
 * @param overdue     OVERDUE alerts raised (planned follow-ups missed)
 */
public record BacktestRow(String week, LocalDate weekStart, String teamId, long alerts, long escalations,
                          long releases, long claims, long overdue) {
}
