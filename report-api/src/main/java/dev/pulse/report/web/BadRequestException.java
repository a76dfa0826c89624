package dev.pulse.report.web;

/** A query parameter that parses but makes no sense (400). */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
