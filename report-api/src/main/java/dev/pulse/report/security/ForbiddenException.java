package dev.pulse.report.security;

/** A request for data outside the caller's scope (403). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
