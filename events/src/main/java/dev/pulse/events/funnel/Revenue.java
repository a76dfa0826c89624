package dev.pulse.events.funnel;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Revenue as Pulse keeps it: one sum per currency (ISO 4217 code -> amount), never one number.
 * Amounts in different currencies are never added to each other; a report that wants one figure
 * must convert with rates it names.
 */
public final class Revenue {

    /**
     * ISO 4217's code for "no currency", used for revenue whose currency was never recorded: the
     * single revenue figure of funnel cells, change records and processor state written before
     * revenue was kept per currency. It is shown as "currency unknown"; {@code ./pulse rebuild}
     * replays the sales (which always carried their currency) and leaves none of it. A sale cannot
     * carry this code (SaleValidator refuses it), so it never mixes with real money.
     */
    public static final String UNKNOWN_CURRENCY = "XXX";

    private Revenue() {
    }

    /** An immutable copy ordered by currency, without zero (or null) amounts; null is empty. */
    public static Map<String, BigDecimal> of(Map<String, BigDecimal> byCurrency) {
        if (byCurrency == null || byCurrency.isEmpty()) {
            return Map.of();
        }
        return add(Map.of(), byCurrency, 1);
    }

    /** {@code sums + sign * change}, per currency, zero amounts left out. */
    public static Map<String, BigDecimal> add(Map<String, BigDecimal> sums, Map<String, BigDecimal> change, int sign) {
        if (change.isEmpty() && sums.isEmpty()) {
            return Map.of(); // most cells and changes carry no sale: no map to build on every event
        }
        Map<String, BigDecimal> result = new TreeMap<>(sums);
        change.forEach((currency, amount) -> {
            if (currency != null && amount != null) {
                result.merge(currency, sign < 0 ? amount.negate() : amount, BigDecimal::add);
            }
        });
        result.values().removeIf(amount -> amount.signum() == 0);
        return Collections.unmodifiableMap(result);
    }
}
