package dev.pulse.processor.duplicates;

import java.time.Instant;

/** One follow-up seen under one normalised contact key, on its way to the contact's partition. */
public record ContactSighting(String customerId, String repId, String eventId, Instant occurredAt) {
}
