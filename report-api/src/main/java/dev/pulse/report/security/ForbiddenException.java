package dev.pulse.report.security;

import dev.pulse.events.messages.Message;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.web.RefusedException;
import org.springframework.http.HttpStatus;

/** A request for data outside the caller's scope (403). */
public class ForbiddenException extends RefusedException {

    public ForbiddenException(MessageCode code, Object... args) {
        super(HttpStatus.FORBIDDEN, Message.of(code, args));
    }
}
