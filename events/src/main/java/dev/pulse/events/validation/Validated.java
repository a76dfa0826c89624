package dev.pulse.events.validation;

import java.util.List;

/** The outcome of validating one record: the event when valid, otherwise every error found. */
public record Validated<T>(T value, List<FieldError> errors) {

    public Validated {
        errors = List.copyOf(errors);
        if (errors.isEmpty() == (value == null)) {
            throw new IllegalArgumentException("exactly one of value and errors must be present");
        }
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
