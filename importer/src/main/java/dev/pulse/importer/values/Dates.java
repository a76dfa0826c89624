package dev.pulse.importer.values;

import dev.pulse.events.messages.Message;
import dev.pulse.events.messages.MessageCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Excel users type them, read in the sheet's time zone: {@code 2026/11/3 14:05},
 * {@code 2026-11-03}, {@code 2026.11.3}, {@code 2026年11月3日 14:05} (or {@code 14时5分}),
 * ISO-8601 with or without offset, and Excel serial numbers ({@code 46329.5868}, the 1900 system,
 * its phantom 29 February 1900 included). A date without a time means midnight.
 */
public final class Dates {

    private static final Pattern YMD = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*[日号]?"
                    + "(?:(?:\\s+|T|\\s*)(\\d{1,2})\\s*[:：时点]\\s*(\\d{1,2})\\s*分?(?:\\s*[:：]\\s*(\\d{1,2})(?:\\.\\d+)?\\s*秒?)?)?");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,7}(\\.\\d+)?");
    /** 9999-12-31 in the 1900 date system: the largest serial Excel shows as a date. */
    private static final int MAX_SERIAL = 2_958_465;
    private static final LocalDate SERIAL_EPOCH = LocalDate.of(1899, 12, 30);

    private Dates() {
    }

    /** @throws IllegalArgumentException with a message fit for the user when the text is no date */
    public static Instant parse(String text, ZoneId zone) {
        String value = text.strip();
        if (SERIAL.matcher(value).matches()) {
            return serial(new BigDecimal(value)).atZone(zone).toInstant();
        }
        Matcher m = YMD.matcher(value);
        if (m.matches()) {
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : LocalTime.of(Integer.parseInt(m.group(4)),
                        Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                return date.atTime(time).atZone(zone).toInstant();
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException(Message.of(MessageCode.NOT_A_REAL_DATE, value).en());
            }
        }
        // Last, as its failure is an exception: ISO-8601 with an offset (Z, +08:00).
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // none of the forms: say which ones work
        }
        throw new IllegalArgumentException(Message.of(MessageCode.NOT_A_DATE, value).en());
    }

    /** Excel's serial day number: whole days since 1899-12-30, the fraction is the time of day. */
    static LocalDateTime serial(BigDecimal serial) {
        if (serial.signum() <= 0 || serial.compareTo(BigDecimal.valueOf(MAX_SERIAL + 1)) >= 0) {
            throw new IllegalArgumentException(Message.of(MessageCode.NOT_AN_EXCEL_DATE, serial.toPlainString()).en());
        }
        long days = serial.longValue();
        long seconds = serial.subtract(BigDecimal.valueOf(days)).multiply(BigDecimal.valueOf(86_400))
                .setScale(0, java.math.RoundingMode.HALF_UP).longValue();
        // Excel counts a 29 February 1900 that never was: serials before it are one day later.
        LocalDate date = days < 61 ? SERIAL_EPOCH.plusDays(days + 1) : SERIAL_EPOCH.plusDays(days);
        return date.atStartOfDay().plusSeconds(seconds);
    }
}
