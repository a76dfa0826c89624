package dev.pulse.report.imports;

import dev.pulse.events.messages.Message;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.importer.columns.Mapping;
import dev.pulse.importer.ingest.IngestException;
import dev.pulse.importer.sheet.UnreadableSheetException;
import dev.pulse.security.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An import's failures as problem+json: the file or mapping is the client's fault (400), ingest is
 * not (502). The importer words these in English only; a Chinese reader gets them under a Chinese
 * heading and the code.
 */
@RestControllerAdvice(assignableTypes = ImportController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportErrors {

    private static final Logger log = LoggerFactory.getLogger(ImportErrors.class);

    @ExceptionHandler
    ProblemDetail unreadable(UnreadableSheetException e, HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, "Unreadable file", MessageCode.UNREADABLE_FILE, e);
    }

    @ExceptionHandler
    ProblemDetail mapping(Mapping.InvalidMappingException e, HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, "Invalid mapping", MessageCode.INVALID_MAPPING, e);
    }

    @ExceptionHandler
    ProblemDetail ingest(IngestException e, HttpServletRequest request) {
        log.warn("import failed: {}", e.getMessage());
        return problem(request, HttpStatus.BAD_GATEWAY, "Import interrupted", MessageCode.IMPORT_INTERRUPTED, e);
    }

    private static ProblemDetail problem(HttpServletRequest request, HttpStatus status, String title, MessageCode code,
                                         Exception e) {
        return Problems.problem(status, title, Message.of(code, e.getMessage()), Problems.language(request));
    }
}
