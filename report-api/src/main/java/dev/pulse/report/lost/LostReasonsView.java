package dev.pulse.report.lost;

import java.util.List;

/**
 * Why customers of a cohort were lost.
 *
 * @param lost    customers of the cohort now LOST
 * @param top     how many reasons are named; the rest are one "other" row
 * @param reasons the top reasons over all lost customers, most frequent first, then "other" when any
 * @param rows    the same reasons (and "other") per group, groups with most lost customers first
 */
public record LostReasonsView(long lost, String groupBy, int top, List<LostReasonRow> reasons, List<LostReasonRow> rows) {
}
