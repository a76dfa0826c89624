package dev.pulse.report.web;

import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that waited {@code spring.datasource.hikari.connection-timeout} for a database
 * connection and got none is answered 503 with Retry-After, not 500: the server is busy, the
 * request was fine and can be sent again. (The full benchmark's freshness probes once queued
 * behind slow reads and got 500 after 30 s; the wait is now bounded at 3 s.)
 */
@RestControllerAdvice
class DatabaseBusy {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBusy.class);

    @ExceptionHandler({org.jooq.exception.DataAccessException.class, org.springframework.dao.DataAccessException.class})
    ResponseEntity<ProblemDetail> databaseFailure(RuntimeException e) {
        if (causedByPoolTimeout(e)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "the database is busy; send the request again in a moment");
            problem.setTitle("Busy");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
        }
        log.error("database failure answering a request", e);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        problem.setTitle("Internal Server Error");
        return ResponseEntity.internalServerError().body(problem);
    }

    static boolean causedByPoolTimeout(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
