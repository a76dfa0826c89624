package dev.pulse.report.exports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * The columns of an exported list, declared once per report or drill-down list: a header and how
 * a row becomes a typed cell. {@link Exports} writes any list of rows through them as CSV or XLSX,
 * so every export shares one code path (BOM, formula-safe text, typed cells, audit).
 */
public record Columns<T>(List<Column<T>> columns) {

    /** One column: its header and the cell of a row. */
    public record Column<T>(String name, Function<T, Cell> cell) {
    }

    @SafeVarargs
    public static <T> Columns<T> of(Column<T>... columns) {
        return new Columns<>(List.of(columns));
    }

    /** These columns, then more: lists that start alike declare their common columns once. */
    @SafeVarargs
    public final Columns<T> then(Column<T>... more) {
        return new Columns<>(Stream.concat(columns.stream(), Arrays.stream(more)).toList());
    }

    public static <T> Column<T> text(String name, Function<T, String> value) {
        return new Column<>(name, row -> Cell.text(value.apply(row)));
    }

    public static <T> Column<T> count(String name, ToLongFunction<T> value) {
        return new Column<>(name, row -> Cell.count(value.applyAsLong(row)));
    }

    public static <T> Column<T> decimal(String name, Function<T, BigDecimal> value) {
        return new Column<>(name, row -> Cell.decimal(value.apply(row)));
    }

    public static <T> Column<T> rate(String name, Function<T, BigDecimal> value) {
        return new Column<>(name, row -> Cell.rate(value.apply(row)));
    }

    /** A date as ISO text (2026-11-30), empty when null. */
    public static <T> Column<T> date(String name, Function<T, LocalDate> value) {
        return new Column<>(name, row -> Cell.text(Objects.toString(value.apply(row), null)));
    }

    /** A time as ISO-8601 text with its offset, empty when null: unambiguous whatever the reader's zone. */
    public static <T> Column<T> time(String name, Function<T, OffsetDateTime> value) {
        return new Column<>(name, row -> Cell.text(Objects.toString(value.apply(row), null)));
    }

    List<String> header() {
        return columns.stream().map(Column::name).toList();
    }

    Sheet sheet(String name, List<T> rows) {
        Iterator<T> it = rows.iterator();
        return new Sheet(name, header(), new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public List<Cell> next() {
                T row = it.next();
                return columns.stream().map(c -> c.cell().apply(row)).toList();
            }
        });
    }
}
