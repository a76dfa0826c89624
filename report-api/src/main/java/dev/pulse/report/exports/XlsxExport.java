package dev.pulse.report.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Export lines as an XLSX workbook, written with fastexcel straight to the response: rows
 * are flushed in blocks, so the workbook is never held in memory. Counts are integer cells, rates
 * number cells shown as percentages. Text goes in inline string cells, which a spreadsheet never
 * evaluates, so no formula escaping is needed (and none would survive a round trip).
 */
final class XlsxExport {

    static final String PERCENT = "0.00%";
    private static final String INTEGER = "0";
    private static final int FLUSH_EVERY = 1_000;

    private XlsxExport() {
    }

    static void write(String sheetName, List<String> header, Iterator<List<Cell>> rows, OutputStream out)
            throws IOException {
        Workbook workbook = new Workbook(out, "Pulse", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName);
        for (int c = 0; c < header.size(); c++) {
            sheet.inlineString(0, c, header.get(c));
            sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
        int r = 1;
        while (rows.hasNext()) {
            List<Cell> cells = rows.next();
            for (int c = 0; c < cells.size(); c++) {
                cell(sheet, r, c, cells.get(c));
            }
            if (r % FLUSH_EVERY == 0) {
                sheet.flush();
            }
            r++;
        }
        sheet.finish();
        workbook.finish();
    }

    private static void cell(Worksheet sheet, int r, int c, Cell cell) {
        if (cell.value() == null) {
            return;
        }
        switch (cell.type()) {
            case TEXT -> text(sheet, r, c, (String) cell.value());
            case INTEGER -> integer(sheet, r, c, (Long) cell.value());
            case DECIMAL -> sheet.value(r, c, (BigDecimal) cell.value());
            case PERCENT -> percent(sheet, r, c, (BigDecimal) cell.value());
        }
    }

    private static void text(Worksheet sheet, int r, int c, String value) {
        if (value != null) {
            sheet.inlineString(r, c, value);
        }
    }

    private static void integer(Worksheet sheet, int r, int c, long value) {
        sheet.value(r, c, value);
        sheet.style(r, c).format(INTEGER).set();
    }

    private static void percent(Worksheet sheet, int r, int c, BigDecimal value) {
        if (value != null) {
            sheet.value(r, c, value);
            sheet.style(r, c).format(PERCENT).set();
        }
    }
}
