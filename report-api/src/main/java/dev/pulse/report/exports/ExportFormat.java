package dev.pulse.report.exports;

import dev.pulse.report.web.Parameters;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.http.MediaType;

/**
 * The file formats of the BI exports, with their content type and writer. A format's name, lower
 * case, is both what the {@code format} parameter takes and the file's extension.
 */
public enum ExportFormat {
    CSV(MediaType.parseMediaType("text/csv;charset=UTF-8"), CsvExport::write),
    XLSX(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), XlsxExport::write);

    private final MediaType mediaType;
    private final RowWriter writer;

    ExportFormat(MediaType mediaType, RowWriter writer) {
        this.mediaType = mediaType;
        this.writer = writer;
    }

    MediaType mediaType() {
        return mediaType;
    }

    public String extension() {
        return Parameters.lower(this);
    }

    void write(Sheet sheet, OutputStream out) throws IOException {
        writer.write(sheet, out);
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(Sheet sheet, OutputStream out) throws IOException;
    }
}
