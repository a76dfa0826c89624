package dev.pulse.processor.funnel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer's stage history, ordered by event time, and its sales by orderId: an order sent
 * again (a re-imported sheet, a changed shipping status) counts once, with its first amount, as
 * in the sale fact table.
 */
public record CustomerJourney(List<Step> steps, Map<String, BigDecimal> orders) {

    public CustomerJourney {
        steps = List.copyOf(steps);
        orders = orders == null ? Map.of() : Map.copyOf(orders);
    }

    BigDecimal revenue() {
        return orders.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** One follow-up's contribution to the journey. */
    public record Step(Instant at, String eventId, String stage, String repId, String teamId, String source) {
    }
}
