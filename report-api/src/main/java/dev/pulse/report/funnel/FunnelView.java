package dev.pulse.report.funnel;

import java.math.BigDecimal;
import java.util.List;

/**
 * The funnel of a cohort (DESIGN.md "Interfaces").
 *
 * @param stages      every stage in pipeline order, forward stages then LOST, with zeros too
 * @param conversions each adjacent pair of forward stages
 * @param won         customers now at WON
 * @param lost        customers now at LOST
 * @param winRate     won / (won + lost), 4 decimals; null while nobody is closed
 * @param customers   customers of the cohort
 */
public record FunnelView(
        List<StageFigures> stages,
        List<Conversion> conversions,
        long won,
        long lost,
        BigDecimal winRate,
        long customers) {

    /** Customers that reached the stage, 0 for a stage the pipeline does not have. */
    public long reachedOf(String stage) {
        return stages.stream().filter(s -> s.stage().equals(stage)).mapToLong(StageFigures::reached).findFirst().orElse(0);
    }

    /**
     * @param reached customers that reached the stage or a later one (skipped stages count; LOST
     *                does not un-reach)
     * @param current customers whose latest follow-up put them at the stage
     */
    public record StageFigures(String stage, String nameZh, String nameEn, long reached, long current) {
    }

    /** @param rate reached(to) / reached(from), 4 decimals; null when nobody reached {@code from} */
    public record Conversion(String from, String to, BigDecimal rate) {
    }
}
