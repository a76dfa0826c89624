package dev.pulse.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One customer contact (one row of a 客户跟进记录表). Published on the follow-ups topic, keyed by
 * {@code customerId}. Optional fields are null when absent; readers ignore unknown fields.
 */
public record FollowUp(
        UUID eventId,
        String customerId,
        String customerName,
        String phone,
        String email,
        String wechat,
        String company,
        String position,
        String repId,
        String repName,
        String teamId,
        Instant occurredAt,
        Channel channel,
        String content,
        String stage,
        String result,
        Instant nextFollowUpAt,
        String lostReason,
        List<String> tags,
        String level,
        String source) {

    public FollowUp withEventId(UUID id) {
        return new FollowUp(id, customerId, customerName, phone, email, wechat, company, position, repId,
                repName, teamId, occurredAt, channel, content, stage, result, nextFollowUpAt, lostReason,
                tags, level, source);
    }
}
