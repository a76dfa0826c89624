package dev.pulse.report.exports;

import java.util.Iterator;
import java.util.List;

/** What an export writes: a sheet name (XLSX), the header and the rows, each a list of cells in header order. */
public record Sheet(String name, List<String> header, Iterator<List<Cell>> rows) {
}
