package dev.pulse.ingest.intake;

import dev.pulse.events.messages.Language;
import dev.pulse.events.messages.Message;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.events.validation.FieldError;
import dev.pulse.ingest.pool.PoolCheckUnavailableException;
import dev.pulse.ingest.publish.KafkaUnavailableException;
import dev.pulse.security.web.LocalizedErrors;
import dev.pulse.security.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of ingest as {@code application/problem+json}, with the precise status, a code
 * from the message catalogue and its text in the language of the request's Accept-Language.
 */
@RestControllerAdvice
class IngestErrors extends LocalizedErrors {

    private static final Logger log = LoggerFactory.getLogger(IngestErrors.class);

    /**
     * One error of the 400's {@code errors}: {@code index}, {@code field} and {@code message} as
     * clients have always read them (the message in the asked language now), with the code beside.
     */
    record ErrorView(int index, String field, String message, String code) {

        static ErrorView of(FieldError error, Language language) {
            return new ErrorView(error.index(), error.field(), error.message(language), error.code());
        }
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidRecordsException e, HttpServletRequest request) {
        return refused(HttpStatus.BAD_REQUEST, "Invalid records", "urn:pulse:invalid-records",
                Message.of(MessageCode.INVALID_RECORDS, e.errors().size()), e, request);
    }

    /** Valid records, refused as a whole because they would claim too many pool customers: the state conflicts. */
    @ExceptionHandler
    ProblemDetail claimLimit(ClaimLimitException e, HttpServletRequest request) {
        return refused(HttpStatus.CONFLICT, "Pool claim limit reached", "urn:pulse:pool-claim-limit",
                e.errors().getFirst().reason(), e, request);
    }

    private static ProblemDetail refused(HttpStatus status, String title, String type, Message detail,
                                         RefusedRecordsException e, HttpServletRequest request) {
        Language language = Problems.language(request);
        ProblemDetail problem = Problems.problem(status, title, detail, language);
        problem.setType(URI.create(type));
        problem.setProperty("errors", e.errors().stream().map(error -> ErrorView.of(error, language)).toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail poolUnavailable(PoolCheckUnavailableException e, HttpServletRequest request) {
        log.warn("answering 503: {}", e.getMessage());
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Pool check unavailable",
                Message.of(MessageCode.POOL_CHECK_UNAVAILABLE), Problems.language(request));
    }

    @ExceptionHandler
    ProblemDetail tooLarge(BodyTooLargeException e, HttpServletRequest request) {
        return Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", e.reason(), Problems.language(request));
    }

    @ExceptionHandler
    ProblemDetail unavailable(KafkaUnavailableException e, HttpServletRequest request) {
        log.warn("answering 503: {}", e.getMessage());
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Kafka unavailable",
                Message.of(MessageCode.KAFKA_UNAVAILABLE, e.getMessage()), Problems.language(request));
    }
}
