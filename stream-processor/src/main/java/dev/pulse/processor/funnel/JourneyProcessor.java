package dev.pulse.processor.funnel;

import dev.pulse.events.FollowUp;
import dev.pulse.events.Sale;
import dev.pulse.events.funnel.CustomerFunnel;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each customer's journey (keyed by customerId) with its steps sorted by event time, and
 * forwards the customer's new funnel snapshot after every follow-up or sale.
 */
final class JourneyProcessor implements Processor<String, JourneyEvent, String, CustomerFunnel> {

    private static final Comparator<CustomerJourney.Step> BY_TIME =
            Comparator.comparing(CustomerJourney.Step::at).thenComparing(CustomerJourney.Step::eventId);

    private final String storeName;
    private final Journeys journeys;
    private ProcessorContext<String, CustomerFunnel> context;
    private KeyValueStore<String, CustomerJourney> store;

    JourneyProcessor(String storeName, Journeys journeys) {
        this.storeName = storeName;
        this.journeys = journeys;
    }

    @Override
    public void init(ProcessorContext<String, CustomerFunnel> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, JourneyEvent> record) {
        String customerId = record.key();
        CustomerJourney journey = store.get(customerId);
        if (journey == null) {
            journey = new CustomerJourney(List.of(), Map.of());
        }
        journey = record.value().followUp() != null ? withStep(journey, record.value().followUp())
                : withSale(journey, record.value().sale());
        store.put(customerId, journey);
        CustomerFunnel snapshot = journeys.snapshot(customerId, journey);
        if (snapshot != null) {
            context.forward(new Record<>(customerId, snapshot, record.timestamp()));
        }
    }

    private static CustomerJourney withStep(CustomerJourney journey, FollowUp f) {
        List<CustomerJourney.Step> steps = new ArrayList<>(journey.steps());
        steps.add(new CustomerJourney.Step(f.occurredAt(), f.eventId().toString(), f.stage(), f.repId(), f.teamId(),
                f.source()));
        steps.sort(BY_TIME);
        return new CustomerJourney(steps, journey.orders());
    }

    private static CustomerJourney withSale(CustomerJourney journey, Sale sale) {
        if (journey.orders().containsKey(sale.orderId())) {
            return journey;
        }
        Map<String, BigDecimal> orders = new HashMap<>(journey.orders());
        orders.put(sale.orderId(), sale.amount());
        return new CustomerJourney(journey.steps(), orders);
    }
}
