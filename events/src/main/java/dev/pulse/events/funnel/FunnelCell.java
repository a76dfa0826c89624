package dev.pulse.events.funnel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
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
 * @param revenueByCurrency their sales' sum per currency (ISO 4217 code -> amount), never added
 *                    across currencies (see {@link Revenue})
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
        Map<String, BigDecimal> revenueByCurrency) {

    public FunnelCell {
        reached = reached == null ? Map.of() : Map.copyOf(reached);
        current = current == null ? Map.of() : Map.copyOf(current);
        transitions = transitions == null ? Map.of() : Map.copyOf(transitions);
        stageDays = stageDays == null ? Map.of() : Map.copyOf(stageDays);
        revenueByCurrency = Revenue.of(revenueByCurrency);
    }

    /**
     * Reads a cell as written by any version. Before revenue was kept per currency a cell had one
     * {@code revenue} figure, the sum of amounts whatever their currency: it is read as revenue of
     * {@link Revenue#UNKNOWN_CURRENCY}, which the processor's old state also retracts as such, so
     * the sums stay exact until a rebuild replaces them with per-currency ones.
     */
    @JsonCreator
    static FunnelCell fromJson(@JsonProperty("cohortDay") LocalDate cohortDay, @JsonProperty("repId") String repId,
                               @JsonProperty("teamId") String teamId, @JsonProperty("source") String source,
                               @JsonProperty("customers") long customers,
                               @JsonProperty("reached") Map<String, Long> reached,
                               @JsonProperty("current") Map<String, Long> current,
                               @JsonProperty("transitions") Map<String, Long> transitions,
                               @JsonProperty("stageDays") Map<String, Map<String, Long>> stageDays,
                               @JsonProperty("withSale") long withSale,
                               @JsonProperty("revenueByCurrency") Map<String, BigDecimal> revenueByCurrency,
                               @JsonProperty("revenue") BigDecimal legacyRevenue) {
        Map<String, BigDecimal> revenue = revenueByCurrency;
        if (revenue == null && legacyRevenue != null) {
            revenue = Map.of(Revenue.UNKNOWN_CURRENCY, legacyRevenue);
        }
        return new FunnelCell(cohortDay, repId, teamId, source, customers, reached, current, transitions, stageDays,
                withSale, revenue);
    }

    public static FunnelCell empty() {
        return new FunnelCell(null, null, null, null, 0, Map.of(), Map.of(), Map.of(), Map.of(), 0, Map.of());
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
                Revenue.add(revenueByCurrency, customer.revenue(), sign));
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
                Revenue.add(revenueByCurrency, change.revenueByCurrency(), 1));
    }

    /** A change that changes nothing: every figure zero. */
    public boolean isZero() {
        return customers == 0 && withSale == 0 && revenueByCurrency.isEmpty() && reached.isEmpty() && current.isEmpty()
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
