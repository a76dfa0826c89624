package dev.pulse.importer.sheet;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an .xlsx, streamed row by row from the zip (fastexcel-reader, StAX), so a
 * large workbook is never held in memory. Date-formatted numbers become ISO local times; other
 * numbers are written plain (a phone stored as a number stays 13800138000).
 */
public final class XlsxSheet implements Sheet {

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final List<String> header;

    public XlsxSheet(File file) throws IOException {
        try {
            workbook = new ReadableWorkbook(file, new ReadingOptions(true, false));
            stream = workbook.getFirstSheet().openStream();
            rows = stream.iterator();
            List<String> first = null;
            while (rows.hasNext() && (first == null || first.stream().allMatch(String::isEmpty))) {
                first = cells(rows.next());
            }
            if (first == null || first.stream().allMatch(String::isEmpty)) {
                throw new UnreadableSheetException("the first sheet has no header row");
            }
            header = first;
        } catch (ExcelReaderException | IllegalStateException e) {
            throw new UnreadableSheetException("not a readable .xlsx workbook: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SheetRow next() throws IOException {
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                List<String> cells = cells(row);
                if (!cells.stream().allMatch(String::isEmpty)) {
                    return new SheetRow(row.getRowNum(), cells);
                }
            }
            return null;
        } catch (ExcelReaderException e) {
            throw new UnreadableSheetException("the workbook is damaged: " + e.getMessage(), e);
        }
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(row.getOptionalCell(i).map(XlsxSheet::text).orElse(""));
        }
        return cells;
    }

    private static String text(Cell cell) {
        CellType type = cell.getType();
        if (type == CellType.NUMBER) {
            if (ExcelDates.isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
                return ExcelDates.text(cell.asDate());
            }
            return Cells.number(cell.asNumber());
        }
        if (type == CellType.EMPTY || type == CellType.ERROR) {
            return "";
        }
        return Cells.text(cell.getText());
    }

    @Override
    public String description() {
        return "xlsx";
    }

    @Override
    public void close() throws IOException {
        stream.close();
        workbook.close();
    }
}
