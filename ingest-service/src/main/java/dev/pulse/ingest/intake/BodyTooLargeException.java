package dev.pulse.ingest.intake;

/** The request body or its record count exceeds the configured limit (413). */
public class BodyTooLargeException extends RuntimeException {

    public BodyTooLargeException(String message) {
        super(message);
    }
}
