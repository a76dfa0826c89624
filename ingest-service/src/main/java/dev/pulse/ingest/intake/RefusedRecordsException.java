package dev.pulse.ingest.intake;

import dev.pulse.events.validation.FieldError;
import java.util.List;

/** A request refused as a whole, with what is wrong with which record; none of its records is written. */
abstract class RefusedRecordsException extends RuntimeException {

    private final List<FieldError> errors;

    RefusedRecordsException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
