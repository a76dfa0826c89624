package dev.pulse.processor.duplicates;

import dev.pulse.events.duplicates.DuplicateFlag;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the multi-rep check remembers per customer: each rep's recent follow-ups, and the flag
 * once raised.
 */
public record CustomerReps(Map<String, List<Touch>> byRep, DuplicateFlag flag) {

    /** One follow-up of one rep. */
    public record Touch(Instant at, String eventId) {
    }
}
