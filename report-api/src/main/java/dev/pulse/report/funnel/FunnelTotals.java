package dev.pulse.report.funnel;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** The sum of any number of funnel cells; every figure of a cell is additive, the day histograms too. */
final class FunnelTotals {

    private long customers;
    private long withSale;
    private BigDecimal revenue = BigDecimal.ZERO;
    private final Map<String, Long> reached = new HashMap<>();
    private final Map<String, Long> current = new HashMap<>();
    private final Map<String, Long> transitions = new HashMap<>();
    /** stage -> whole days -> customers, the days in numeric order */
    private final Map<String, TreeMap<Long, Long>> stageDays = new HashMap<>();

    void add(StoredCell cell) {
        customers += cell.customers();
        withSale += cell.withSale();
        revenue = revenue.add(cell.revenue());
        cell.figures().reached().forEach((stage, n) -> reached.merge(stage, n, Long::sum));
        cell.figures().current().forEach((stage, n) -> current.merge(stage, n, Long::sum));
        cell.figures().transitions().forEach((move, n) -> transitions.merge(move, n, Long::sum));
        cell.figures().stageDays().forEach((stage, histogram) -> {
            TreeMap<Long, Long> merged = stageDays.computeIfAbsent(stage, s -> new TreeMap<>());
            histogram.forEach((days, n) -> {
                Long whole = wholeDays(days);
                if (whole != null && n != null) {
                    merged.merge(whole, n, Long::sum);
                }
            });
        });
    }

    long customers() {
        return customers;
    }

    long withSale() {
        return withSale;
    }

    BigDecimal revenue() {
        return revenue;
    }

    long reached(String stage) {
        return reached.getOrDefault(stage, 0L);
    }

    long current(String stage) {
        return current.getOrDefault(stage, 0L);
    }

    /** {@code FROM>TO} -> stage changes */
    Map<String, Long> transitions() {
        return transitions;
    }

    /** stage -> (whole days -> customers), days ascending */
    Map<String, TreeMap<Long, Long>> stageDays() {
        return stageDays;
    }

    private static Long wholeDays(String days) {
        try {
            return Long.parseLong(days.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
