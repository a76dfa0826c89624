package dev.pulse.report.ranges;

import dev.pulse.report.web.DateRange;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The dashboards' range presets, each ending today (or, for a calendar period, covering all of it,
 * future days too: a report of "this month" on the 4th shows the whole month's axis). Resolved from
 * today in the reporting time zone, never the browser's, so a shared link means the same days to
 * everyone. Weeks start on Monday (ISO 8601), as the week buckets of the activity reports do.
 */
public enum RelativeRange {

    TODAY, THIS_WEEK, LAST_7_DAYS, LAST_30_DAYS,
    /** The funnel's default: a cohort long enough for customers to move through the stages. */
    LAST_90_DAYS,
    THIS_MONTH, THIS_QUARTER;

    /** The preset's days on the calendar of {@code zone} at the clock's instant. */
    public DateRange resolve(Clock clock, ZoneId zone) {
        return resolve(LocalDate.now(clock.withZone(zone)));
    }

    /** The inclusive days of the preset on {@code today}, a date in the reporting time zone. */
    public DateRange resolve(LocalDate today) {
        return switch (this) {
            case TODAY -> new DateRange(today, today);
            case THIS_WEEK -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new DateRange(monday, monday.plusDays(6));
            }
            case LAST_7_DAYS -> endingOn(today, 7);
            case LAST_30_DAYS -> endingOn(today, 30);
            case LAST_90_DAYS -> endingOn(today, 90);
            case THIS_MONTH -> new DateRange(today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth()));
            case THIS_QUARTER -> {
                LocalDate first = today.with(IsoFields.DAY_OF_QUARTER, 1);
                yield new DateRange(first, first.plusMonths(3).minusDays(1));
            }
        };
    }

    private static DateRange endingOn(LocalDate today, int days) {
        return new DateRange(today.minusDays(days - 1), today);
    }
}
