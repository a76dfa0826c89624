package dev.pulse.ingest.intake;

import dev.pulse.events.validation.FieldError;
import java.util.List;

/** At least one record of the request is invalid, so none is written (400). */
class InvalidRecordsException extends RefusedRecordsException {

    InvalidRecordsException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s)", errors);
    }
}
