package dev.pulse.report.drill;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A follow-up behind an activity figure, counted under its own rep and team as the activity is. */
public record FollowUpRow(UUID eventId, String customerId, String customerName, String repId, String teamId,
                          OffsetDateTime occurredAt, String channel, String stage) {
}
