package dev.pulse.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One closed deal (one row of a 销售记录表). Published on the sales topic, keyed by {@code customerId}. */
public record Sale(
        UUID eventId,
        String orderId,
        String customerId,
        String repId,
        String teamId,
        String product,
        BigDecimal amount,
        String currency,
        String paymentMethod,
        Instant occurredAt,
        String shippingStatus) {

    public Sale withEventId(UUID id) {
        return new Sale(id, orderId, customerId, repId, teamId, product, amount, currency, paymentMethod,
                occurredAt, shippingStatus);
    }
}
