package dev.pulse.processor.funnel;

import dev.pulse.events.FollowUp;
import dev.pulse.events.Pipeline;
import dev.pulse.events.Sale;
import dev.pulse.events.Stage;
import dev.pulse.events.funnel.CustomerFunnel;
import dev.pulse.events.funnel.FunnelCell;
import dev.pulse.events.funnel.Revenue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;


/**
 * The stage funnel (DESIGN.md definition 2) from one customer's side: its journey (stage history
 * ordered by event time, sales by orderId), the funnel snapshot derived from it, and what a new
 * event changes in the funnel cells: the old snapshot taken out of its cell, the new one added to
 * its own (an owner change or an earlier first follow-up moves the customer to another cell).
 */
public final class Journeys {

    private static final Comparator<CustomerJourney.Step> BY_TIME =
            Comparator.comparing(CustomerJourney.Step::at).thenComparing(CustomerJourney.Step::eventId);

    private final Pipeline pipeline;
    private final ZoneId zone;

    public Journeys(Pipeline pipeline, ZoneId zone) {
        this.pipeline = pipeline;
        this.zone = zone;
    }

    /** @return the snapshot, or null while the customer has no follow-up (a sale alone places it nowhere) */
    public CustomerFunnel snapshot(String customerId, CustomerJourney journey) {
        List<CustomerJourney.Step> steps = journey.steps();
        if (steps.isEmpty()) {
            return null;
        }
        CustomerJourney.Step first = steps.getFirst();
        CustomerJourney.Step last = steps.getLast();
        String source = steps.stream().map(CustomerJourney.Step::source).filter(Objects::nonNull).findFirst().orElse(null);
        return new CustomerFunnel(customerId, LocalDate.ofInstant(first.at(), zone), last.repId(), last.teamId(), source,
                last.stage(), reached(steps), transitions(steps), stageDays(steps), !journey.orders().isEmpty(),
                journey.revenue());
    }

    public static CustomerJourney withFollowUp(CustomerJourney journey, FollowUp f) {
        List<CustomerJourney.Step> steps = new ArrayList<>(journey == null ? List.of() : journey.steps());
        steps.add(new CustomerJourney.Step(f.occurredAt(), f.eventId().toString(), f.stage(), f.repId(), f.teamId(),
                f.source()));
        steps.sort(BY_TIME);
        return journey == null ? new CustomerJourney(steps, Map.of(), Map.of())
                : new CustomerJourney(steps, journey.orders(), journey.currencies());
    }

    /**
     * An order sent again (a re-imported sheet, a changed shipping status) counts once, with its
     * first amount and currency. A sale without a currency (ingest always sets one) is of unknown
     * currency rather than assumed to be CNY.
     */
    public static CustomerJourney withSale(CustomerJourney journey, Sale sale) {
        CustomerJourney current = journey == null ? new CustomerJourney(List.of(), Map.of(), Map.of()) : journey;
        if (current.orders().containsKey(sale.orderId())) {
            return current;
        }
        Map<String, BigDecimal> orders = new HashMap<>(current.orders());
        orders.put(sale.orderId(), sale.amount());
        Map<String, String> currencies = new HashMap<>(current.currencies());
        currencies.put(sale.orderId(), sale.currency() == null ? Revenue.UNKNOWN_CURRENCY : sale.currency());
        return new CustomerJourney(current.steps(), orders, currencies);
    }

    /** The signed cell changes that take {@code before} out of the funnel and put {@code after} in; empty if equal. */
    public static List<FunnelCell> change(CustomerFunnel before, CustomerFunnel after) {
        if (Objects.equals(before, after)) {
            return List.of();
        }
        FunnelCell out = before == null ? null : FunnelCell.empty().plus(before, -1);
        FunnelCell in = after == null ? null : FunnelCell.empty().plus(after, 1);
        if (out != null && in != null && out.key().equals(in.key())) {
            FunnelCell net = in.plus(out);
            return net.isZero() ? List.of() : List.of(net);
        }
        List<FunnelCell> changes = new ArrayList<>(2);
        if (out != null) {
            changes.add(out);
        }
        if (in != null) {
            changes.add(in);
        }
        return changes;
    }

    private List<String> reached(List<CustomerJourney.Step> steps) {
        int furthest = steps.stream().mapToInt(s -> order(s.stage())).max().orElse(0);
        List<String> reached = new ArrayList<>();
        pipeline.stages().stream().filter(s -> !s.isLost() && s.order() <= furthest).map(Stage::code).forEach(reached::add);
        if (steps.stream().anyMatch(s -> Pipeline.LOST.equals(s.stage()))) {
            reached.add(Pipeline.LOST);
        }
        return reached;
    }

    private static List<String> transitions(List<CustomerJourney.Step> steps) {
        List<String> transitions = new ArrayList<>();
        for (int i = 1; i < steps.size(); i++) {
            String from = steps.get(i - 1).stage();
            String to = steps.get(i).stage();
            if (!from.equals(to)) {
                transitions.add(from + ">" + to);
            }
        }
        return transitions;
    }

    /** Whole days from first entering a stage to first entering a later-ordered one afterwards. */
    private Map<String, Integer> stageDays(List<CustomerJourney.Step> steps) {
        Map<String, Integer> days = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            CustomerJourney.Step entry = steps.get(i);
            int order = order(entry.stage());
            if (order == 0 || days.containsKey(entry.stage()) || (i > 0 && steps.get(i - 1).stage().equals(entry.stage()))) {
                continue;
            }
            for (int j = i + 1; j < steps.size(); j++) {
                if (order(steps.get(j).stage()) > order) {
                    days.put(entry.stage(), (int) Duration.between(entry.at(), steps.get(j).at()).toDays());
                    break;
                }
            }
        }
        return days;
    }

    private int order(String stage) {
        return pipeline.find(stage).map(Stage::order).orElse(0);
    }
}
