package dev.pulse.report.imports;

import dev.pulse.importer.columns.Mapping;
import dev.pulse.importer.ingest.IngestException;
import dev.pulse.importer.sheet.UnreadableSheetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An import's failures as problem+json: the file or mapping is the client's fault (400), ingest is not (502). */
@RestControllerAdvice(assignableTypes = ImportController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportErrors {

    private static final Logger log = LoggerFactory.getLogger(ImportErrors.class);

    @ExceptionHandler
    ProblemDetail unreadable(UnreadableSheetException e) {
        return problem(HttpStatus.BAD_REQUEST, "Unreadable file", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail mapping(Mapping.InvalidMappingException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid mapping", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail ingest(IngestException e) {
        log.warn("import failed: {}", e.getMessage());
        return problem(HttpStatus.BAD_GATEWAY, "Import interrupted", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
