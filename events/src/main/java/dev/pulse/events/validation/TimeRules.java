package dev.pulse.events.validation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Event times must be plausible: not before 1990 (a typo, not history) and not beyond the allowed clock skew. */
record TimeRules(Clock clock, Duration allowedSkew) {

    static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

    void checkOccurredAt(FieldReader reader, String field, Instant occurredAt) {
        if (occurredAt == null) {
            return;
        }
        if (occurredAt.isBefore(EARLIEST)) {
            reader.error(field, "must not be before 1990-01-01");
        } else if (occurredAt.isAfter(clock.instant().plus(allowedSkew))) {
            reader.error(field, "must not be more than " + allowedSkew.toMinutes() + " minutes in the future");
        }
    }
}
