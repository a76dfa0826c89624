package dev.pulse.importer.sheet;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The first sheet of a legacy .xls (BIFF8) through Apache POI HSSF. The format caps a sheet at
 * 65,536 rows, so the workbook is held in memory; the rows are still handed out one by one.
 */
public final class XlsSheet implements Sheet {

    private final Workbook workbook;
    private final org.apache.poi.ss.usermodel.Sheet sheet;
    private final List<String> header;
    private int nextRow;

    public XlsSheet(File file) throws IOException {
        try {
            workbook = new HSSFWorkbook(new POIFSFileSystem(file, true));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableSheetException("not a readable .xls workbook: " + e.getMessage(), e);
        }
        sheet = workbook.getSheetAt(0);
        List<String> first = List.of();
        nextRow = sheet.getFirstRowNum();
        while (nextRow <= sheet.getLastRowNum() && first.stream().allMatch(String::isEmpty)) {
            first = cells(sheet.getRow(nextRow++));
        }
        if (first.stream().allMatch(String::isEmpty)) {
            throw new UnreadableSheetException("the first sheet has no header row");
        }
        header = first;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SheetRow next() {
        while (nextRow <= sheet.getLastRowNum()) {
            int index = nextRow++;
            List<String> cells = cells(sheet.getRow(index));
            if (!cells.stream().allMatch(String::isEmpty)) {
                return new SheetRow(index + 1L, cells);
            }
        }
        return null;
    }

    private static List<String> cells(Row row) {
        if (row == null) {
            return List.of();
        }
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
            cells.add(text(row.getCell(i)));
        }
        return cells;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? ExcelDates.text(cell.getLocalDateTimeCellValue())
                    : Cells.number(BigDecimal.valueOf(cell.getNumericCellValue()));
            case STRING -> Cells.text(cell.getStringCellValue());
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }

    @Override
    public double progress() {
        int total = sheet.getLastRowNum() + 1;
        return total == 0 ? 1 : Math.min(1.0, (double) nextRow / total);
    }

    @Override
    public String description() {
        return "xls";
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
