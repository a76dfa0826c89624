package dev.pulse.report.funnel;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** The figures of one funnel: sums over its cells, as SQL returns them (per funnel and per stage). */
final class FunnelTotals {

    private long customers;
    private long withSale;
    private final Map<String, Long> reached = new HashMap<>();
    private final Map<String, Long> current = new HashMap<>();

    /** Sums of funnel_cell rows; null where SQL summed no row. */
    void addCells(BigDecimal customers, BigDecimal withSale) {
        this.customers += customers == null ? 0 : customers.longValueExact();
        this.withSale += withSale == null ? 0 : withSale.longValueExact();
    }

    /** Sums of funnel_stage rows of one stage. */
    void addStage(String stage, long reached, long current) {
        this.reached.merge(stage, reached, Long::sum);
        this.current.merge(stage, current, Long::sum);
    }

    long customers() {
        return customers;
    }

    long withSale() {
        return withSale;
    }

    long reached(String stage) {
        return reached.getOrDefault(stage, 0L);
    }

    long current(String stage) {
        return current.getOrDefault(stage, 0L);
    }
}
