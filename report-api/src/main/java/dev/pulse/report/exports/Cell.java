package dev.pulse.report.exports;

import java.math.BigDecimal;

/**
 * One cell of an export line, typed so that each format writes it as what it is: text (escaped in
 * CSV, an inline string in XLSX), a whole number, a decimal, or a rate shown as a percentage.
 * A null value is an empty cell.
 */
record Cell(Object value, Type type) {

    enum Type { TEXT, INTEGER, DECIMAL, PERCENT }

    static Cell text(String value) {
        return new Cell(value, Type.TEXT);
    }

    static Cell integer(long value) {
        return new Cell(value, Type.INTEGER);
    }

    static Cell decimal(BigDecimal value) {
        return new Cell(value, Type.DECIMAL);
    }

    static Cell percent(BigDecimal value) {
        return new Cell(value, Type.PERCENT);
    }
}
