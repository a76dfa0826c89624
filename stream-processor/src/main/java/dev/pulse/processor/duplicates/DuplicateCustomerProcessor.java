package dev.pulse.processor.duplicates;

import dev.pulse.events.duplicates.DuplicateFlag;
import dev.pulse.events.duplicates.DuplicateType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by normalised contact (after a repartition, so it works across partitions and instances):
 * remembers which customers were seen with the contact; once two or more customerIds share it,
 * emits a DUPLICATE_CUSTOMER flag, and again whenever another customer or rep joins.
 */
final class DuplicateCustomerProcessor implements Processor<String, ContactSighting, String, DuplicateFlag> {

    private final String storeName;
    private ProcessorContext<String, DuplicateFlag> context;
    private KeyValueStore<String, DuplicateFlag> contacts;

    DuplicateCustomerProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, DuplicateFlag> context) {
        this.context = context;
        this.contacts = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, ContactSighting> record) {
        String contact = record.key();
        ContactSighting sighting = record.value();
        DuplicateFlag group = contacts.get(contact);
        if (group == null) {
            contacts.put(contact, new DuplicateFlag(DuplicateType.DUPLICATE_CUSTOMER, contact,
                    List.of(sighting.customerId()), List.of(sighting.repId()), List.of(sighting.eventId()),
                    sighting.occurredAt(), sighting.occurredAt()));
            return;
        }
        boolean newCustomer = !group.customerIds().contains(sighting.customerId());
        boolean newRep = !group.repIds().contains(sighting.repId());
        if (!newCustomer && !newRep) {
            return;
        }
        List<String> customers = append(group.customerIds(), sighting.customerId(), newCustomer);
        List<String> reps = append(group.repIds(), sighting.repId(), newRep);
        List<String> events = append(group.eventIds(), sighting.eventId(), newCustomer);
        boolean becomesDuplicate = group.customerIds().size() == 1 && customers.size() == 2;
        // The flag holds from the moment both customers had been contacted, whatever order the records arrived in.
        Instant firstSeenAt = becomesDuplicate ? later(group.firstSeenAt(), sighting.occurredAt()) : group.firstSeenAt();
        Instant updatedAt = later(group.updatedAt(), sighting.occurredAt());
        DuplicateFlag updated = new DuplicateFlag(DuplicateType.DUPLICATE_CUSTOMER, contact, customers, reps, events,
                firstSeenAt, updatedAt);
        contacts.put(contact, updated);
        if (customers.size() >= 2) {
            context.forward(new Record<>(updated.flagId(), updated, record.timestamp()));
        }
    }

    static List<String> append(List<String> values, String value, boolean add) {
        if (!add) {
            return values;
        }
        List<String> copy = new ArrayList<>(values);
        copy.add(value);
        return copy;
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
