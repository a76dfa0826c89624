package dev.pulse.ingest.intake;

import dev.pulse.events.messages.Message;

/** The request body or its record count exceeds the configured limit (413). */
public class BodyTooLargeException extends RuntimeException {

    private final Message reason;

    public BodyTooLargeException(Message reason) {
        super(reason.en());
        this.reason = reason;
    }

    public Message reason() {
        return reason;
    }
}
