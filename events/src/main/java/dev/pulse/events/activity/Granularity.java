package dev.pulse.events.activity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The calendar periods activity is cut into, in the reporting time zone: a day, an ISO week
 * (Monday to Sunday, labelled by its week-based year: {@code 2026-W45}) or a month.
 */
public enum Granularity {
    DAY, WEEK, MONTH;

    /** The period an instant falls in, seen from {@code zone}. */
    public Period periodOf(Instant instant, ZoneId zone) {
        return periodOf(LocalDate.ofInstant(instant, zone));
    }

    public Period periodOf(LocalDate date) {
        return switch (this) {
            case DAY -> new Period(date.toString(), date, date);
            case WEEK -> {
                LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                String label = "%d-W%02d".formatted(date.get(IsoFields.WEEK_BASED_YEAR),
                        date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                yield new Period(label, monday, monday.plusDays(6));
            }
            case MONTH -> {
                LocalDate first = date.withDayOfMonth(1);
                yield new Period(first.toString().substring(0, 7), first, first.plusMonths(1).minusDays(1));
            }
        };
    }

    /** A labelled, inclusive range of dates. */
    public record Period(String bucket, LocalDate start, LocalDate end) {
    }
}
