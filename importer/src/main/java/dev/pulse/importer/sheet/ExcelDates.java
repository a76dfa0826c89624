package dev.pulse.importer.sheet;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Recognises date-formatted number cells of Excel workbooks and writes them as ISO local times. */
final class ExcelDates {

    private static final DateTimeFormatter ISO_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Quoted literals, escapes and colour or condition sections carry letters that are not date parts. */
    private static final Pattern NOT_A_PART = Pattern.compile("\"[^\"]*\"|\\\\.|\\[[^]]*]");

    private ExcelDates() {
    }

    /** Built-in formats 14-22 and 45-47 are dates and times; custom ones are when they use y, d, h or s. */
    static boolean isDateFormat(Integer id, String format) {
        if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47)) {
            return true;
        }
        if (format == null) {
            return false;
        }
        String parts = NOT_A_PART.matcher(format).replaceAll("").toLowerCase(java.util.Locale.ROOT);
        return parts.matches(".*[ydhs].*") || parts.contains("m") && !parts.contains("0");
    }

    static String text(LocalDateTime time) {
        return time.getSecond() == 0 ? ISO_MINUTES.format(time) : ISO_SECONDS.format(time);
    }
}
