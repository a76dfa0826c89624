package dev.pulse.report.goals;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * What a goal counts, and over which period: follow-ups in an ISO week (Monday to Sunday), new
 * customers and won revenue in a calendar month, all in the reporting zone.
 */
public enum Metric {
    FOLLOW_UPS_PER_WEEK("每周跟进次数 Follow-ups per week"),
    NEW_CUSTOMERS_PER_MONTH("每月新客户 New customers per month"),
    REVENUE_PER_MONTH("每月成交金额 Revenue per month");

    private final String label;

    Metric(String label) {
        this.label = label;
    }

    /** Chinese and English, as robot messages and exports show it. */
    public String label() {
        return label;
    }

    public boolean weekly() {
        return this == FOLLOW_UPS_PER_WEEK;
    }

    public boolean money() {
        return this == REVENUE_PER_MONTH;
    }

    /** Whether {@code day} is the first day of a period: a Monday, or the first of a month. */
    public boolean startsPeriod(LocalDate day) {
        return weekly() ? day.getDayOfWeek() == DayOfWeek.MONDAY : day.getDayOfMonth() == 1;
    }

    /** The first day of the period {@code day} falls in. */
    public LocalDate periodStartOf(LocalDate day) {
        return weekly() ? day.minusDays(day.getDayOfWeek().getValue() - 1L) : day.withDayOfMonth(1);
    }

    /** The day after the period that starts on {@code start}. */
    public LocalDate periodEnd(LocalDate start) {
        return weekly() ? start.plusWeeks(1) : start.plusMonths(1);
    }
}
