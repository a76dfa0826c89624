package dev.pulse.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One customer contact (one row of a 客户跟进记录表). Published on the follow-ups topic, keyed by
 * {@code customerId}. Optional fields are null when absent; readers ignore unknown fields.
 *
 * <p>{@code expectedAmount} (预计成交金额, in {@code expectedCurrency}) and {@code expectedCloseDate}
 * (预计成交日期) are the rep's estimate of the deal at the time of this contact, read by the forecast;
 * they were added after the first schema, so older records simply lack them.
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
        String source,
        BigDecimal expectedAmount,
        String expectedCurrency,
        LocalDate expectedCloseDate) {

    /** A follow-up without an expected deal, as every record was before those fields existed. */
    public FollowUp(UUID eventId, String customerId, String customerName, String phone, String email, String wechat,
                    String company, String position, String repId, String repName, String teamId, Instant occurredAt,
                    Channel channel, String content, String stage, String result, Instant nextFollowUpAt,
                    String lostReason, List<String> tags, String level, String source) {
        this(eventId, customerId, customerName, phone, email, wechat, company, position, repId, repName, teamId,
                occurredAt, channel, content, stage, result, nextFollowUpAt, lostReason, tags, level, source,
                null, null, null);
    }

    public FollowUp withEventId(UUID id) {
        return new FollowUp(id, customerId, customerName, phone, email, wechat, company, position, repId,
                repName, teamId, occurredAt, channel, content, stage, result, nextFollowUpAt, lostReason,
                tags, level, source, expectedAmount, expectedCurrency, expectedCloseDate);
    }
}
