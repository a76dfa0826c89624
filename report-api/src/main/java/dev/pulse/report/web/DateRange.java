package dev.pulse.report.web;

import dev.pulse.events.messages.MessageCode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** An inclusive range of dates in the reporting time zone, as the {@code from}/{@code to} parameters give it. */
public record DateRange(LocalDate from, LocalDate to) {

    static final long MAX_DAYS = 3_700;

    public DateRange {
        if (from.isAfter(to)) {
            throw new BadRequestException(MessageCode.FROM_AFTER_TO, from, to);
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new BadRequestException(MessageCode.RANGE_TOO_LONG, from, to, MAX_DAYS);
        }
    }

    /** The first instant of {@code from} in the zone. */
    public OffsetDateTime startIn(ZoneId zone) {
        return from.atStartOfDay(zone).toOffsetDateTime();
    }

    /** The first instant after {@code to} in the zone (exclusive end). */
    public OffsetDateTime endIn(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }
}
