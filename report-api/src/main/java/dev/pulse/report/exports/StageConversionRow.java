package dev.pulse.report.exports;

import dev.pulse.report.funnel.FunnelView;
import dev.pulse.report.funnel.GroupFunnel;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

/**
 * One line of the stage-conversion export: a group and one adjacent pair of forward stages, with
 * the group's won, lost and win rate repeated on each of its lines so every line stands alone in a
 * BI tool.
 *
 * @param group   a cohort month ({@code 2026-11}), rep id or team id; null for customers without a team
 * @param rate    reachedTo / reachedFrom, 4 decimals; null when reachedFrom is 0
 * @param winRate won / (won + lost), 4 decimals; null while nobody is closed
 */
record StageConversionRow(String group, String fromStage, String toStage, long reachedFrom, long reachedTo,
                          BigDecimal rate, long won, long lost, BigDecimal winRate) {

    static final List<String> HEADER = List.of(
            "group", "from_stage", "to_stage", "reached_from", "reached_to", "rate", "won", "lost", "win_rate");

    List<Cell> cells() {
        return List.of(Cell.text(group), Cell.text(fromStage), Cell.text(toStage), Cell.integer(reachedFrom),
                Cell.integer(reachedTo), Cell.percent(rate), Cell.integer(won), Cell.integer(lost), Cell.percent(winRate));
    }

    static Stream<StageConversionRow> of(GroupFunnel group) {
        FunnelView funnel = group.funnel();
        return funnel.conversions().stream().map(c -> new StageConversionRow(group.group(), c.from(), c.to(),
                funnel.reachedOf(c.from()), funnel.reachedOf(c.to()), c.rate(), funnel.won(), funnel.lost(),
                funnel.winRate()));
    }
}
