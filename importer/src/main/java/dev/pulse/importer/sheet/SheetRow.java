package dev.pulse.importer.sheet;

import java.util.List;

/**
 * One data row of a sheet as text cells.
 *
 * @param number the row number the user sees in the spreadsheet (the header is row 1) or the line's
 *               record number in a CSV (header record 1)
 * @param cells  cell texts, stripped, never null; may be shorter than the header
 */
public record SheetRow(long number, List<String> cells) {

    public String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    public boolean isBlank() {
        return cells.stream().allMatch(String::isEmpty);
    }
}
