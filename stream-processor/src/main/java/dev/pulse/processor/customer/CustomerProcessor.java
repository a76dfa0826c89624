package dev.pulse.processor.customer;

import dev.pulse.events.FollowUp;
import dev.pulse.events.Sale;
import dev.pulse.events.alerts.Alert;
import dev.pulse.events.changes.ActivityTouch;
import dev.pulse.events.changes.CustomerChange;
import dev.pulse.events.duplicates.ContactKeys;
import dev.pulse.events.duplicates.DuplicateFlag;
import dev.pulse.events.funnel.CustomerFunnel;
import dev.pulse.events.funnel.FunnelCell;
import dev.pulse.processor.activity.ActivityRows;
import dev.pulse.processor.duplicates.ContactSighting;
import dev.pulse.processor.duplicates.DuplicateEntries;
import dev.pulse.processor.duplicates.MultiRepCheck;
import dev.pulse.processor.funnel.CustomerJourney;
import dev.pulse.processor.funnel.Journeys;
import dev.pulse.processor.stale.CustomerWatch;
import dev.pulse.processor.stale.StaleWatcher;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * All per-customer work in one place, keyed by customerId: a follow-up or sale is read with its
 * customer's state, checked and counted, and the state written back once. In order:
 * <ol>
 *   <li>an eventId already counted is dropped (a client's retry);</li>
 *   <li>a follow-up typed twice is flagged DUPLICATE_ENTRY and counted nowhere;</li>
 *   <li>a counted follow-up: new contact/rep pairs go to the duplicate-customer check, the
 *       multi-rep check may raise its flag, the stale watch moves (resolving open alerts), and
 *       activity learns in which of its periods the customer is new;</li>
 *   <li>follow-up or sale: the journey changes, and with it the customer's funnel cell.</li>
 * </ol>
 * One {@link CustomerChange} per counted event carries what changed in activity and the funnel.
 * A wall-clock punctuation opens stale and overdue alerts with no traffic at all.
 */
public final class CustomerProcessor implements Processor<String, CustomerEvent, String, Emitted> {

    private final CustomerTopology.Settings settings;
    private final ActivityRows activity;
    private final MultiRepCheck multiRep;
    private final StaleWatcher stale;
    private final Journeys journeys;
    private ProcessorContext<String, Emitted> context;
    private KeyValueStore<String, CustomerState> customers;
    private KeyValueStore<String, String> dueIndex;

    CustomerProcessor(CustomerTopology.Settings settings) {
        this.settings = settings;
        this.activity = new ActivityRows(settings.zone());
        this.multiRep = new MultiRepCheck(settings.multiRepWindow());
        this.stale = new StaleWatcher(settings.staleRules());
        this.journeys = new Journeys(settings.staleRules().pipeline(), settings.zone());
    }

    @Override
    public void init(ProcessorContext<String, Emitted> context) {
        this.context = context;
        this.customers = context.getStateStore(CustomerTopology.CUSTOMER_STORE);
        this.dueIndex = context.getStateStore(CustomerTopology.DUE_INDEX_STORE);
        context.schedule(stale.checkInterval(), PunctuationType.WALL_CLOCK_TIME,
                now -> stale.openDueAlerts(now, dueIndex, new StateWatches(), this::emitAlert));
    }

    @Override
    public void process(Record<String, CustomerEvent> record) {
        String customerId = record.key();
        CustomerState stored = customers.get(customerId);
        CustomerState state = stored == null ? CustomerState.empty() : stored;
        CustomerState updated = record.value().followUp() != null
                ? onFollowUp(state, record.value().followUp(), record.timestamp())
                : onSale(state, record.value().sale(), record.timestamp());
        if (updated != null) {
            customers.put(customerId, updated);
        }
    }

    /** @return the state to store, or null when the event changed nothing (a retry) */
    private CustomerState onFollowUp(CustomerState state, FollowUp f, long timestamp) {
        if (!state.eventIds().add("F:" + f.eventId())) {
            return null;
        }
        DuplicateFlag repeat = DuplicateEntries.check(state.entries(), state.repeats(), f);
        if (repeat != null) {
            emit(repeat.flagId(), Emitted.Kind.FLAG, repeat, timestamp);
            return state;
        }
        for (String contact : ContactKeys.of(f.phone(), f.email(), f.wechat())) {
            if (state.sightings().add(contact + "\u0000" + f.repId())) {
                emit(contact, Emitted.Kind.SIGHTING, new ContactSighting(f.customerId(), f.repId(),
                        f.eventId().toString(), f.occurredAt()), timestamp);
            }
        }
        MultiRepCheck.Result reps = multiRep.check(state.reps(), f);
        if (reps.changedFlag() != null) {
            emit(reps.changedFlag().flagId(), Emitted.Kind.FLAG, reps.changedFlag(), timestamp);
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        CustomerWatch watch = stale.onFollowUp(state.watch(), f, now, dueIndex, this::emitAlert);
        ActivityTouch touch = activity.touch(f, state.activityRows());
        CustomerJourney journey = Journeys.withFollowUp(state.journey(), f);
        emitChange(f.customerId(), touch, funnelChange(f.customerId(), state.journey(), journey), timestamp);
        return state.withReps(reps.reps()).withWatch(watch).withJourney(journey);
    }

    private CustomerState onSale(CustomerState state, Sale sale, long timestamp) {
        if (!state.eventIds().add("S:" + sale.eventId())) {
            return null;
        }
        CustomerJourney journey = Journeys.withSale(state.journey(), sale);
        emitChange(sale.customerId(), null, funnelChange(sale.customerId(), state.journey(), journey), timestamp);
        return state.withJourney(journey);
    }

    private List<FunnelCell> funnelChange(String customerId, CustomerJourney before, CustomerJourney after) {
        CustomerFunnel old = before == null ? null : journeys.snapshot(customerId, before);
        return Journeys.change(old, journeys.snapshot(customerId, after));
    }

    private void emitChange(String customerId, ActivityTouch touch, List<FunnelCell> funnel, long timestamp) {
        CustomerChange change = new CustomerChange(touch, funnel);
        if (!change.isEmpty()) {
            emit(customerId, Emitted.Kind.CHANGE, change, timestamp);
        }
    }

    private void emitAlert(Alert alert) {
        emit(alert.alertId().toString(), Emitted.Kind.ALERT, alert, context.currentSystemTimeMs());
    }

    private void emit(String key, Emitted.Kind kind, Object value, long timestamp) {
        context.forward(new Record<>(key, new Emitted(kind, value), timestamp));
    }

    /** The stale check reads and writes watches inside the customers' states. */
    private final class StateWatches implements StaleWatcher.Watches {

        @Override
        public CustomerWatch get(String customerId) {
            CustomerState state = customers.get(customerId);
            return state == null ? null : state.watch();
        }

        @Override
        public void put(String customerId, CustomerWatch watch) {
            customers.put(customerId, customers.get(customerId).withWatch(watch));
        }
    }
}
