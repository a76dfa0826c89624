package dev.pulse.report.web;

import dev.pulse.events.messages.Message;
import org.springframework.http.HttpStatus;

/**
 * A request the report API refuses with a status and a message of the catalogue; the message is
 * rendered in the caller's language only by {@link ReportErrors}, its English is the exception's.
 */
public class RefusedException extends RuntimeException {

    private final HttpStatus status;
    private final Message reason;

    public RefusedException(HttpStatus status, Message reason) {
        super(reason.en());
        this.status = status;
        this.reason = reason;
    }

    public HttpStatus status() {
        return status;
    }

    public Message reason() {
        return reason;
    }
}
