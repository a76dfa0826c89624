package dev.pulse.importer.sheet;

import java.math.BigDecimal;

/** How every reader turns a cell into the text the importer sees. */
final class Cells {

    private Cells() {
    }

    /**
     * Strips ordinary and full-width spaces and the zero-width BOM, and undoes the quote Pulse puts
     * in front of formula-like cells of a rejected-rows file, so that file re-imports as written.
     */
    static String text(String raw) {
        if (raw == null) {
            return "";
        }
        String text = raw.indexOf('\uFEFF') >= 0 ? raw.replace("\uFEFF", "") : raw;
        int start = 0;
        int end = text.length();
        // strip() leaves the full-width space of Chinese keyboards; a sheet often ends cells with it.
        while (start < end && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '\u3000')) {
            start++;
        }
        while (end > start && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == '\u3000')) {
            end--;
        }
        text = text.substring(start, end);
        if (text.length() > 1 && text.charAt(0) == '\'' && "=+-@".indexOf(text.charAt(1)) >= 0) {
            return text.substring(1);
        }
        return text;
    }

    /** A number as a person would type it: 13800138000, not 1.3800138E10; 12800.5, not 12800.50000. */
    static String number(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }
}
