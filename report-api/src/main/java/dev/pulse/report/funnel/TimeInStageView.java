package dev.pulse.report.funnel;

/**
 * Time spent in a stage by the customers who entered it and later entered a later stage.
 *
 * @param customers  how many customers that is
 * @param medianDays the median of their whole days; with an even count the lower of the two middle
 *                   values, so it is always a time some customer really took; null without customers
 */
public record TimeInStageView(String stage, long customers, Long medianDays) {
}
