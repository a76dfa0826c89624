package dev.pulse.processor.duplicates;

import dev.pulse.events.FollowUp;
import dev.pulse.events.JsonSerde;
import dev.pulse.events.duplicates.ContactKeys;
import dev.pulse.events.duplicates.DuplicateFlag;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Duplicate flags (DESIGN.md definition 4).
 *
 * <p>Input: valid, first-seen follow-ups (String customerId -> FollowUp). Output: the
 * duplicate-flags topic (String flagId -> {@link DuplicateFlag}, compacted), and the follow-ups that
 * are not duplicate entries, which are the ones every aggregate counts.
 * <ul>
 *   <li>DUPLICATE_ENTRY: checked per customer; a repeat is flagged and kept out of all counts.</li>
 *   <li>DUPLICATE_CUSTOMER: each normalised phone, email and WeChat id becomes a key, repartitioned
 *       so one task sees every customer with that contact, whatever partition they came from.</li>
 *   <li>MULTI_REP: per customer, two or more reps within the window.</li>
 * </ul>
 */
public final class DuplicatesTopology {

    private static final JsonSerde<DuplicateFlag> FLAG = JsonSerde.of(DuplicateFlag.class);

    private final String flagsTopic;
    private final Duration multiRepWindow;

    public DuplicatesTopology(String flagsTopic, Duration multiRepWindow) {
        this.flagsTopic = flagsTopic;
        this.multiRepWindow = multiRepWindow;
    }

    /** @return the follow-ups that are not duplicate entries (String customerId -> FollowUp) */
    public KStream<String, FollowUp> build(StreamsBuilder builder, KStream<String, FollowUp> followUps) {
        Produced<String, DuplicateFlag> toFlags = Produced.with(Serdes.String(), FLAG);

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore("duplicate-entries"), Serdes.String(), FLAG));
        KStream<String, EntryCheck> checked = followUps.processValues(
                () -> new DuplicateEntryProcessor("duplicate-entries"), Named.as("duplicate-entry-check"),
                "duplicate-entries");
        checked.filter((key, check) -> check.isDuplicate(), Named.as("duplicate-entry-repeats"))
                .map((key, check) -> KeyValue.pair(check.flag().flagId(), check.flag()), Named.as("duplicate-entry-flag"))
                .to(flagsTopic, toFlags.withName("duplicate-entry-sink"));
        KStream<String, FollowUp> unique = checked
                .filter((key, check) -> !check.isDuplicate(), Named.as("duplicate-entry-firsts"))
                .mapValues(EntryCheck::followUp, Named.as("duplicate-entry-unique"));

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore("duplicate-contacts"), Serdes.String(), FLAG));
        unique.flatMap((customerId, f) -> ContactKeys.of(f.phone(), f.email(), f.wechat()).stream()
                        .map(contact -> KeyValue.pair(contact, new ContactSighting(f.customerId(), f.repId(),
                                f.eventId().toString(), f.occurredAt())))
                        .toList(), Named.as("duplicate-customer-contacts"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(ContactSighting.class))
                        .withName("duplicate-customer-by-contact"))
                .process(() -> new DuplicateCustomerProcessor("duplicate-contacts"), Named.as("duplicate-customer-check"),
                        "duplicate-contacts")
                .to(flagsTopic, toFlags.withName("duplicate-customer-sink"));

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore("multi-rep-customers"), Serdes.String(), JsonSerde.of(CustomerReps.class)));
        unique.process(() -> new MultiRepProcessor("multi-rep-customers", multiRepWindow), Named.as("multi-rep-check"),
                        "multi-rep-customers")
                .to(flagsTopic, toFlags.withName("multi-rep-sink"));
        return unique;
    }
}
