package dev.pulse.report.exports;

import java.io.IOException;
import java.io.OutputStream;
import org.springframework.http.MediaType;

/** The file formats of the BI exports, with their content type, file extension and writer. */
public enum ExportFormat {
    CSV(MediaType.parseMediaType("text/csv;charset=UTF-8"), "csv", CsvExport::write),
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

    public String extension() {
        return extension;
    }

    void write(Sheet sheet, OutputStream out) throws IOException {
        writer.write(sheet, out);
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(Sheet sheet, OutputStream out) throws IOException;
    }
}
