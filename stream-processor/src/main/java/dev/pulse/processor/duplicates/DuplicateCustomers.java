package dev.pulse.processor.duplicates;

import dev.pulse.events.JsonSerde;
import dev.pulse.events.Topic;
import dev.pulse.events.duplicates.DuplicateFlag;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * DUPLICATE_CUSTOMER (DESIGN.md definition 4): the one check that needs another key. Sightings
 * (normalised contact -> customer and rep) are repartitioned so that one task sees every customer
 * with that contact, whatever partition they came from. The customer processor sends a sighting
 * only when the contact and rep are new for the customer, so the repartition carries a few
 * records per customer, not one per follow-up.
 */
public final class DuplicateCustomers {

    static final String STORE = "duplicate-contacts";

    private DuplicateCustomers() {
    }

    public static void build(StreamsBuilder builder, KStream<String, ContactSighting> sightings,
                             Topic<String, DuplicateFlag> flagsTopic) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                flagsTopic.valueSerde()).withCachingEnabled());
        sightings.repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(ContactSighting.class))
                        .withName("duplicate-customer-by-contact"))
                .process(() -> new DuplicateCustomerProcessor(STORE), Named.as("duplicate-customer-check"), STORE)
                .to(flagsTopic.name(), Produced.with(flagsTopic.keySerde(), flagsTopic.valueSerde())
                        .withName("duplicate-customer-sink"));
    }
}
