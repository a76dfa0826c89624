package dev.pulse.report.exports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * Export lines as CSV for Excel and BI tools: UTF-8 with a byte order mark (without it
 * Excel reads Chinese as mojibake), RFC 4180 quoting and CRLF line ends. A text cell that a
 * spreadsheet would take for a formula (it begins with =, +, -, @, tab or CR) gets a leading single
 * quote, so a rep id such as {@code =HYPERLINK(...)} stays text. Numbers are written plain.
 */
final class CsvExport {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String CRLF = "\r\n";

    private CsvExport() {
    }

    static void write(List<String> header, Iterator<List<Cell>> rows, OutputStream out) throws IOException {
        out.write(BOM);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        line(writer, header);
        while (rows.hasNext()) {
            line(writer, rows.next().stream().map(CsvExport::field).toList());
        }
        writer.flush();
    }

    private static String field(Cell cell) {
        if (cell.value() == null) {
            return "";
        }
        return switch (cell.type()) {
            case TEXT -> text((String) cell.value());
            case INTEGER -> cell.value().toString();
            case DECIMAL, PERCENT -> ((BigDecimal) cell.value()).toPlainString();
        };
    }

    private static void line(Writer writer, List<String> fields) throws IOException {
        writer.write(String.join(",", fields));
        writer.write(CRLF);
    }

    /** A text cell: neutralised if a spreadsheet would read it as a formula, then quoted as RFC 4180 needs. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String cell = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\r') >= 0
                || cell.indexOf('\n') >= 0;
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
