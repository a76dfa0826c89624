package dev.pulse.ingest.intake;

import dev.pulse.events.validation.FieldError;
import java.util.List;

/** At least one record of the request is invalid, so none is written (400). */
public class InvalidRecordsException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRecordsException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
