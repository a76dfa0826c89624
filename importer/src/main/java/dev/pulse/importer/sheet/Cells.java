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
        String text = raw.replace("\uFEFF", "").strip();
        text = text.replaceAll("^[\\u3000]+|[\\u3000]+$", "");
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
