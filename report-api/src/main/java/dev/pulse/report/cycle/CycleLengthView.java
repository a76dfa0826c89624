package dev.pulse.report.cycle;

import java.math.BigDecimal;
import java.util.List;

/**
 * How long one group's customers took from their first follow-up to closing one way.
 *
 * @param group        the owner rep, team, source or cohort month; null without grouping or for no value
 * @param outcome      WON or LOST
 * @param customers    customers of the group now at that outcome
 * @param medianDays   the lower median of their days (the middle value for an odd count)
 * @param averageDays  the mean, 2 decimals
 * @param buckets      how many took 0-7, 8-14, 15-30, 31-60, 61-90 and over 90 days (toDays null: no end)
 */
public record CycleLengthView(String group, String outcome, long customers, long medianDays, BigDecimal averageDays,
                              List<Bucket> buckets) {

    public record Bucket(int fromDays, Integer toDays, long customers) {
    }
}
