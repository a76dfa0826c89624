package dev.pulse.ingest.intake;

import dev.pulse.events.validation.FieldError;
import java.util.List;

/** Follow-ups of the request would take a rep past the daily claim limit, so none is written (409). */
class ClaimLimitException extends RefusedRecordsException {

    ClaimLimitException(List<FieldError> errors) {
        super(errors.size() + " claim(s) over the daily limit", errors);
    }
}
