package dev.pulse.processor.funnel;

import dev.pulse.events.Pipeline;
import dev.pulse.events.Stage;
import dev.pulse.events.funnel.CustomerFunnel;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Derives a customer's funnel snapshot from its journey (DESIGN.md definition 2). */
final class Journeys {

    private final Pipeline pipeline;
    private final ZoneId zone;

    Journeys(Pipeline pipeline, ZoneId zone) {
        this.pipeline = pipeline;
        this.zone = zone;
    }

    /** @return the snapshot, or null while the customer has no follow-up (a sale alone places it nowhere) */
    CustomerFunnel snapshot(String customerId, CustomerJourney journey) {
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
