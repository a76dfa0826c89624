package dev.pulse.report.exports;

import java.math.BigDecimal;

/** One cell of an exported row, typed so each format writes it right: text is escaped, numbers are not. */
public sealed interface Cell {

    public static Cell text(String value) {
        return new Text(value);
    }

    public static Cell count(long value) {
        return new Count(value);
    }

    /** A ratio such as 0.4286: a percentage cell in XLSX, the plain number in CSV; empty when null. */
    public static Cell rate(BigDecimal value) {
        return new Rate(value);
    }

    /** Money or days: a number cell with two decimals shown in XLSX, the plain number in CSV; empty when null. */
    public static Cell decimal(BigDecimal value) {
        return new Decimal(value);
    }

    record Text(String value) implements Cell {
    }

    record Count(long value) implements Cell {
    }

    record Rate(BigDecimal value) implements Cell {
    }

    record Decimal(BigDecimal value) implements Cell {
    }
}
