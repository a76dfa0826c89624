package dev.pulse.report.web;

import dev.pulse.security.web.LocalizedErrors;
import dev.pulse.security.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors as {@code application/problem+json}, with a code from the message catalogue and the
 * detail in the language of the request's Accept-Language. Missing or unparsable parameters are
 * handled by the base class (400 with the parameter named); the rest are range and value checks.
 */
@RestControllerAdvice
class ReportErrors extends LocalizedErrors {

    @ExceptionHandler
    ProblemDetail refused(RefusedException e, HttpServletRequest request) {
        return Problems.problem(e.status(), title(e.status()), e.reason(), Problems.language(request));
    }

    /** The titles clients have read so far: "Invalid query" for every 400 of the reports. */
    private static String title(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "Invalid query";
            case FORBIDDEN -> "Forbidden";
            default -> status.getReasonPhrase();
        };
    }
}
