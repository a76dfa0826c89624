package dev.pulse.processor.funnel;

import dev.pulse.events.funnel.Revenue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A customer's stage history, ordered by event time, and its sales by orderId: an order sent
 * again (a re-imported sheet, a changed shipping status) counts once, with its first amount and
 * currency, as in the sale fact table.
 *
 * @param orders     orderId -> amount
 * @param currencies orderId -> its currency. Kept beside {@code orders} (not in it) so that state
 *                   written before currencies were kept still reads: an order without one is of
 *                   {@link Revenue#UNKNOWN_CURRENCY}, as the revenue it was counted in then
 */
public record CustomerJourney(List<Step> steps, Map<String, BigDecimal> orders, Map<String, String> currencies) {

    public CustomerJourney {
        steps = List.copyOf(steps);
        orders = orders == null ? Map.of() : Map.copyOf(orders);
        currencies = currencies == null ? Map.of() : Map.copyOf(currencies);
    }

    /** The sum of the orders per currency, never across currencies. */
    Map<String, BigDecimal> revenue() {
        if (orders.isEmpty()) {
            return Map.of();
        }
        Map<String, BigDecimal> sums = new TreeMap<>();
        orders.forEach((orderId, amount) ->
                sums.merge(currencies.getOrDefault(orderId, Revenue.UNKNOWN_CURRENCY), amount, BigDecimal::add));
        return sums;
    }

    /** One follow-up's contribution to the journey. */
    public record Step(Instant at, String eventId, String stage, String repId, String teamId, String source) {
    }
}
