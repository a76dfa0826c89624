package dev.pulse.report.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import org.springframework.http.MediaType;

/** The file formats of the BI exports, with their content type, file extension and writer. */
enum ExportFormat {
    CSV(MediaType.parseMediaType("text/csv;charset=UTF-8"), "csv", (sheet, header, rows, out) -> CsvExport.write(header, rows, out)),
    XLSX(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "xlsx",
            XlsxExport::write);

    private final MediaType mediaType;
    private final String extension;
    private final RowWriter writer;

    ExportFormat(MediaType mediaType, String extension, RowWriter writer) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.writer = writer;
    }

    MediaType mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    /** @param sheetName the XLSX sheet's name (CSV has none) */
    void write(String sheetName, List<String> header, Iterator<List<Cell>> rows, OutputStream out) throws IOException {
        writer.write(sheetName, header, rows, out);
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(String sheetName, List<String> header, Iterator<List<Cell>> rows, OutputStream out) throws IOException;
    }
}
