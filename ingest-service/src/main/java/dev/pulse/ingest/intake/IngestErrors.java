package dev.pulse.ingest.intake;

import dev.pulse.ingest.publish.KafkaUnavailableException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every failure of ingest as {@code application/problem+json}, with the precise status. */
@RestControllerAdvice
class IngestErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(IngestErrors.class);

    @ExceptionHandler
    ProblemDetail invalid(InvalidRecordsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "No record was written: " + e.errors().size() + " error(s) in the request.");
        problem.setType(URI.create("urn:pulse:invalid-records"));
        problem.setTitle("Invalid records");
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail tooLarge(BodyTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setTitle("Request too large");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unavailable(KafkaUnavailableException e) {
        log.warn("answering 503: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Nothing was accepted: " + e.getMessage() + ". Retry with the same eventIds.");
        problem.setTitle("Kafka unavailable");
        return problem;
    }
}
