package dev.pulse.report.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer of a backtest.
 *
 * @param from  first day replayed (reporting zone)
 * @param to    last day replayed
 * @param until the end of the replay: the end of {@code to}, or now when that is earlier
 * @param rules the rules replayed
 * @param total the whole range
 * @param weeks one row per ISO week of the range, zeros included, oldest first
 * @param teams one row per team that had anything, by team
 * @param rows  one row per week and team that had anything
 */
public record BacktestView(LocalDate from, LocalDate to, Instant until, BacktestRules.View rules, BacktestRow total,
                           List<BacktestRow> weeks, List<BacktestRow> teams, List<BacktestRow> rows) {
}
