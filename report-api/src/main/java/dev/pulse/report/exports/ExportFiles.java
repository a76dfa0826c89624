package dev.pulse.report.exports;

import dev.pulse.security.audit.AuditLog;
import dev.pulse.security.web.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriUtils;

/**
 * What every export answer shares: the audit record (who exported what, with which filters and in
 * which scope), the attachment header and the streamed file. The rows are computed before the
 * answer starts, so a database failure is a 500 rather than a truncated file.
 */
public final class ExportFiles {

    private ExportFiles() {
    }

    public static ResponseEntity<StreamingResponseBody> send(AuditLog audit, String action, ExportFormat format,
                                                      String fileName, Map<String, Object> filters, Sheet sheet) {
        audit.record(CurrentUser.get(), action, fileName, filters);
        StreamingResponseBody body = out -> format.write(sheet, out);
        return ResponseEntity.ok()
                .contentType(format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName))
                .body(body);
    }

    /** Both the plain and the RFC 6266 {@code filename*} form, for clients that read only one of them. */
    private static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build()
                + "; filename*=UTF-8''" + UriUtils.encode(fileName, StandardCharsets.UTF_8);
    }
}
