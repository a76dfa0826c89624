package dev.pulse.processor.customer;

import dev.pulse.events.FollowUp;
import dev.pulse.events.Sale;
import dev.pulse.events.PulseTopics;
import dev.pulse.processor.duplicates.ContactSighting;
import dev.pulse.processor.duplicates.DuplicateCustomers;
import dev.pulse.processor.stale.StaleRules;
import java.time.Duration;
import java.time.ZoneId;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.Stores;

/**
 * The customer-keyed sub-topology: valid follow-ups and sales (both keyed by customerId, so
 * co-partitioned) merge into one {@link CustomerProcessor} with two cached stores, the customers'
 * states and the stale check's due-time index. Its outputs go straight to their topics (changes,
 * duplicate flags, alerts); only contact sightings are repartitioned, to {@link DuplicateCustomers}.
 */
public final class CustomerTopology {

    public static final String CUSTOMER_STORE = "customers";
    public static final String DUE_INDEX_STORE = "stale-due-index";

    /** What the per-customer checks are configured with. */
    public record Settings(PulseTopics topics, ZoneId zone, Duration multiRepWindow, StaleRules staleRules) {
    }

    private final Settings settings;

    public CustomerTopology(Settings settings) {
        this.settings = settings;
    }

    public void build(StreamsBuilder builder, KStream<String, FollowUp> followUps, KStream<String, Sale> sales) {
        // Cached: a customer written several times between two commits reaches RocksDB and its changelog once.
        // Binary: the cache holds bytes, so every event reads and writes its customer's whole state.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CUSTOMER_STORE),
                Serdes.String(), new CustomerStateSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUE_INDEX_STORE),
                Serdes.String(), Serdes.String()).withCachingEnabled());

        KStream<String, Emitted> emitted = followUps
                .mapValues(CustomerEvent::of, Named.as("customer-followup"))
                .merge(sales.mapValues(CustomerEvent::of, Named.as("customer-sale")), Named.as("customer-events"))
                .process(() -> new CustomerProcessor(settings), Named.as("customer"), CUSTOMER_STORE, DUE_INDEX_STORE);

        KStream<String, ContactSighting> sightings = emitted
                .filter((key, out) -> out.kind() == Emitted.Kind.SIGHTING, Named.as("customer-sightings"))
                .mapValues(out -> (ContactSighting) out.value(), Named.as("customer-sighting"));
        DuplicateCustomers.build(builder, sightings, settings.topics().duplicateFlags());

        emitted.filter((key, out) -> out.kind() != Emitted.Kind.SIGHTING, Named.as("customer-outputs"))
                .to(topicOf(settings.topics()), Produced.with(Serdes.String(), Emitted.payloadSerde())
                        .withName("customer-sink"));
    }

    private static TopicNameExtractor<String, Emitted> topicOf(PulseTopics topics) {
        return (key, out, context) -> switch (out.kind()) {
            case CHANGE -> topics.changes().name();
            case FLAG -> topics.duplicateFlags().name();
            case ALERT -> topics.alerts().name();
            case SIGHTING -> throw new IllegalStateException("sightings are repartitioned, not published");
        };
    }
}
