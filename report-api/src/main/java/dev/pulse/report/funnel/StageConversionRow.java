package dev.pulse.report.funnel;

import dev.pulse.report.exports.Columns;
import java.math.BigDecimal;
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

    static final Columns<StageConversionRow> COLUMNS = Columns.of(
            Columns.text("group", StageConversionRow::group), Columns.text("from_stage", StageConversionRow::fromStage),
            Columns.text("to_stage", StageConversionRow::toStage),
            Columns.count("reached_from", StageConversionRow::reachedFrom),
            Columns.count("reached_to", StageConversionRow::reachedTo), Columns.rate("rate", StageConversionRow::rate),
            Columns.count("won", StageConversionRow::won), Columns.count("lost", StageConversionRow::lost),
            Columns.rate("win_rate", StageConversionRow::winRate));

    static Stream<StageConversionRow> of(GroupFunnel group) {
        FunnelView funnel = group.funnel();
        return funnel.conversions().stream().map(c -> new StageConversionRow(group.group(), c.from(), c.to(),
                funnel.reachedOf(c.from()), funnel.reachedOf(c.to()), c.rate(), funnel.won(), funnel.lost(),
                funnel.winRate()));
    }
}
