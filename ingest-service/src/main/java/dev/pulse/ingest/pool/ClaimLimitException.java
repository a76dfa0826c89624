package dev.pulse.ingest.pool;

import dev.pulse.events.validation.FieldError;
import java.util.List;

/** Follow-ups of the request would take a rep past the daily claim limit, so none is written (409). */
public class ClaimLimitException extends RuntimeException {

    private final List<FieldError> errors;

    public ClaimLimitException(List<FieldError> errors) {
        super(errors.size() + " claim(s) over the daily limit");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
