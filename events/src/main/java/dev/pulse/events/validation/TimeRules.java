package dev.pulse.events.validation;

import dev.pulse.events.messages.MessageCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Event times must be plausible: not before 1990 (a typo, not history) and not beyond the allowed
 * clock skew. The skew is ingest's alone ({@code pulse.ingest.allowed-clock-skew}): it judges a time
 * against the moment the event arrives, so the consumers of the topics, which may read it days later,
 * check everything but that ({@link #RECORDED}).
 *
 * @param clock       null for {@link #RECORDED}
 * @param allowedSkew null for {@link #RECORDED}
 */
public record TimeRules(Clock clock, Duration allowedSkew) {

    /** The one clock-skew setting: ingest's, read by everything that validates as ingest does (the importers). */
    public static final String CLOCK_SKEW_PROPERTY = "pulse.ingest.allowed-clock-skew";

    /** Its value when nobody set it. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

    static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

    /** For events ingest accepted: a replay must not turn a record into poison because time went by. */
    static final TimeRules RECORDED = new TimeRules(null, null);

    private boolean checksTheFuture() {
        return clock != null;
    }

    void checkOccurredAt(FieldReader reader, String field, Instant occurredAt) {
        if (occurredAt == null) {
            return;
        }
        if (occurredAt.isBefore(EARLIEST)) {
            reader.error(field, MessageCode.BEFORE_1990);
        } else if (checksTheFuture() && occurredAt.isAfter(clock.instant().plus(allowedSkew))) {
            reader.error(field, MessageCode.IN_THE_FUTURE, allowedSkew.toMinutes());
        }
    }
}
