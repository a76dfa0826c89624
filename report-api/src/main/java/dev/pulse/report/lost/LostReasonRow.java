package dev.pulse.report.lost;

import java.math.BigDecimal;

/**
 * One reason in one group (or in all lost customers): how many customers were lost for it and their
 * share of the group's lost customers.
 *
 * @param group     the stage lost from, rep, team or source; null without grouping, or for customers without one
 * @param key       the reason trimmed and lower-cased, which the customer list takes; null for "other"
 * @param reason    the reason's most frequent spelling; null for "other"
 * @param other     true for the reasons outside the top N, counted together
 * @param share     customers / the group's lost customers, 4 decimals
 */
public record LostReasonRow(String group, String key, String reason, boolean other, long customers, BigDecimal share) {
}
