package dev.pulse.importer;

import dev.pulse.importer.convert.Problem;
import dev.pulse.importer.sheet.SheetRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The file of rejected rows: a CSV that Excel opens (UTF-8 with BOM, RFC 4180, CRLF) holding the
 * original columns and then the row number, the column(s) and the reason(s) with their codes, in
 * Chinese for a sheet with Chinese headers, else in English. Fix it and import
 * it again: the three added columns are not recognised as data and are ignored. A cell a
 * spreadsheet would run as a formula gets a leading quote, which the importer removes again;
 * phone numbers and amounts such as +8613800138000 or -5 are left as they are.
 */
public final class RejectedRows implements AutoCloseable {

    public static final List<String> ADDED = List.of("错误行号 Row", "错误列 Column", "错误原因 Reason");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Pattern NUMBER_LIKE = Pattern.compile("^[+-][0-9 ().\\-]*$");

    private final Writer writer;
    private final int columns;
    private final boolean chinese;
    private long rows;

    /** @param chinese the reasons in Chinese (a sheet with Chinese headers), else in English */
    public RejectedRows(OutputStream out, List<String> header, boolean chinese) throws IOException {
        this.chinese = chinese;
        out.write(BOM);
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.columns = header.size();
        List<String> line = new ArrayList<>(header);
        line.addAll(ADDED);
        line(line);
    }

    public void write(SheetRow row, List<Problem> problems) throws IOException {
        List<String> line = new ArrayList<>(columns + 3);
        for (int i = 0; i < Math.max(columns, row.cells().size()); i++) {
            line.add(row.cell(i));
        }
        while (line.size() < columns) {
            line.add("");
        }
        line.add(Long.toString(row.number()));
        line.add(String.join("; ", problems.stream().map(Problem::column).distinct().toList()));
        // the reason's stable code too, for whoever is asked what it means
        line.add(String.join("; ", problems.stream()
                .map(p -> p.column() + ": " + p.reason(chinese) + " [" + p.code() + "]").toList()));
        line(line);
        rows++;
    }

    public long rows() {
        return rows;
    }

    private void line(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(cell(cells.get(i)));
        }
        writer.write("\r\n");
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean formulaLike = "=@\t\r".indexOf(value.charAt(0)) >= 0
                || "+-".indexOf(value.charAt(0)) >= 0 && !NUMBER_LIKE.matcher(value).matches();
        String cell = formulaLike ? "'" + value : value;
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\r') >= 0
                || cell.indexOf('\n') >= 0 || cell.indexOf(';') >= 0 || cell.indexOf('\t') >= 0;
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    @Override
    public void close() throws IOException {
        writer.flush();
        writer.close();
    }
}
