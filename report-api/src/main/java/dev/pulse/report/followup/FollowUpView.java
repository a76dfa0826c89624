package dev.pulse.report.followup;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One follow-up record as the drill-down shows it. */
public record FollowUpView(
        UUID eventId,
        String customerId,
        String customerName,
        String company,
        String repId,
        String repName,
        String teamId,
        OffsetDateTime occurredAt,
        String channel,
        String content,
        String stage,
        String result,
        OffsetDateTime nextFollowUpAt) {
}
