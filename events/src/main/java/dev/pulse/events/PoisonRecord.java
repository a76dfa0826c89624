package dev.pulse.events;

import java.time.Instant;

/**
 * A record the stream processor could not use, as published on the error topic: where it came
 * from, why it was refused, and its payload (as text, cut to 16 KiB) so an operator can repair
 * and resend it.
 */
public record PoisonRecord(
        String sourceTopic,
        int partition,
        long offset,
        String key,
        String reason,
        String payload,
        Instant detectedAt) {
}
