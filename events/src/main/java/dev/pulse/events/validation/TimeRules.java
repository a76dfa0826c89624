package dev.pulse.events.validation;

import dev.pulse.events.messages.MessageCode;
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
            reader.error(field, MessageCode.BEFORE_1990);
        } else if (occurredAt.isAfter(clock.instant().plus(allowedSkew))) {
            reader.error(field, MessageCode.IN_THE_FUTURE, allowedSkew.toMinutes());
        }
    }
}
