package dev.pulse.events.funnel;

import dev.pulse.events.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pre-aggregated funnel of one cohort day, owner rep, team and source: a row of funnel_cell,
 * and, with signed figures, the change a customer makes to it (on the changes topic). Every figure is additive, so any funnel query (a period, a rep, a team,
 * a source) is a sum of cells and never a scan of follow-ups. Time in stage is kept as a
 * histogram of whole days so medians can be taken over any sum of cells.
 *
 * @param customers   customers of the cell
 * @param reached     stage -> customers that reached it
 * @param current     stage -> customers now at it
 * @param transitions {@code FROM>TO} -> stage changes
 * @param stageDays   stage -> (whole days -> customers) for the time spent in the stage
 * @param withSale    customers with at least one sale
 * @param revenue     their sales' sum
 */
public record FunnelCell(
        LocalDate cohortDay,
        String repId,
        String teamId,
        String source,
        long customers,
        Map<String, Long> reached,
        Map<String, Long> current,
        Map<String, Long> transitions,
        Map<String, Map<String, Long>> stageDays,
        long withSale,
        BigDecimal revenue) {

    public FunnelCell {
        reached = reached == null ? Map.of() : Map.copyOf(reached);
        current = current == null ? Map.of() : Map.copyOf(current);
        transitions = transitions == null ? Map.of() : Map.copyOf(transitions);
        stageDays = stageDays == null ? Map.of() : Map.copyOf(stageDays);
        revenue = revenue == null ? BigDecimal.ZERO : revenue;
    }

    public static FunnelCell empty() {
        return new FunnelCell(null, null, null, null, 0, Map.of(), Map.of(), Map.of(), Map.of(), 0, BigDecimal.ZERO);
    }

    public String key() {
        return keyOf(cohortDay, repId, teamId, source);
    }

    public static String keyOf(LocalDate cohortDay, String repId, String teamId, String source) {
        return Json.MAPPER.writeValueAsString(Arrays.asList(String.valueOf(cohortDay), repId, teamId, source));
    }

    /** This cell with one customer added ({@code sign} 1) or taken away ({@code sign} -1). */
    public FunnelCell plus(CustomerFunnel customer, int sign) {
        Map<String, Map<String, Long>> days = new TreeMap<>();
        stageDays.forEach((stage, histogram) -> days.put(stage, new TreeMap<>(histogram)));
        customer.stageDays().forEach((stage, d) ->
                days.computeIfAbsent(stage, s -> new TreeMap<>()).merge(String.valueOf(d), (long) sign, Long::sum));
        days.values().forEach(histogram -> histogram.values().removeIf(n -> n == 0));
        days.values().removeIf(Map::isEmpty);
        return new FunnelCell(customer.cohortDay(), customer.repId(), customer.teamId(), customer.source(),
                customers + sign,
                add(reached, customer.reached(), sign),
                add(current, java.util.List.of(customer.currentStage()), sign),
                add(transitions, customer.transitions(), sign),
                days,
                withSale + (customer.withSale() ? sign : 0),
                revenue.add(sign > 0 ? customer.revenue() : customer.revenue().negate()));
    }

    /**
     * This cell with a signed change added (figures that drop to zero disappear). The identity
     * (cohort day, rep, team, source) is this cell's, or the change's when this one has none.
     */
    public FunnelCell plus(FunnelCell change) {
        Map<String, Map<String, Long>> days = new TreeMap<>();
        stageDays.forEach((stage, histogram) -> days.put(stage, new TreeMap<>(histogram)));
        change.stageDays().forEach((stage, histogram) -> histogram.forEach((d, n) ->
                days.computeIfAbsent(stage, s -> new TreeMap<>()).merge(d, n, Long::sum)));
        days.values().forEach(histogram -> histogram.values().removeIf(n -> n == 0));
        days.values().removeIf(Map::isEmpty);
        boolean identified = cohortDay != null;
        return new FunnelCell(identified ? cohortDay : change.cohortDay(), identified ? repId : change.repId(),
                identified ? teamId : change.teamId(), identified ? source : change.source(),
                customers + change.customers(),
                addAll(reached, change.reached()),
                addAll(current, change.current()),
                addAll(transitions, change.transitions()),
                days,
                withSale + change.withSale(),
                revenue.add(change.revenue()));
    }

    /** A change that changes nothing: every figure zero. */
    public boolean isZero() {
        return customers == 0 && withSale == 0 && revenue.signum() == 0 && reached.isEmpty() && current.isEmpty()
                && transitions.isEmpty() && stageDays.isEmpty();
    }

    private static Map<String, Long> addAll(Map<String, Long> counts, Map<String, Long> change) {
        Map<String, Long> result = new TreeMap<>(counts);
        change.forEach((key, n) -> result.merge(key, n, Long::sum));
        result.values().removeIf(n -> n == 0);
        return result;
    }

    private static Map<String, Long> add(Map<String, Long> counts, Iterable<String> keys, int sign) {
        Map<String, Long> result = new TreeMap<>(counts);
        for (String key : keys) {
            result.merge(key, (long) sign, Long::sum);
        }
        result.values().removeIf(n -> n == 0);
        return result;
    }
}
