package dev.pulse.report.web;

import dev.pulse.events.messages.Message;
import dev.pulse.events.messages.MessageCode;
import org.springframework.http.HttpStatus;

/** A query parameter or a request that parses but makes no sense (400). */
public class BadRequestException extends RefusedException {

    public BadRequestException(MessageCode code, Object... args) {
        super(HttpStatus.BAD_REQUEST, Message.of(code, args));
    }
}
