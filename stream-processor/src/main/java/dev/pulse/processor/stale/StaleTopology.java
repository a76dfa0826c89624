package dev.pulse.processor.stale;

import dev.pulse.events.FollowUp;
import dev.pulse.events.JsonSerde;
import dev.pulse.events.alerts.Alert;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Stale and overdue customer alerts. Input: counted follow-ups (String customerId -> FollowUp).
 * Output: the alerts topic (String alertId -> {@link Alert}, compacted), one record when an alert
 * opens and one when it resolves. See {@link StaleProcessor} for how detection runs on the wall clock.
 */
public final class StaleTopology {

    static final String WATCH_STORE = "stale-customers";
    static final String INDEX_STORE = "stale-due-index";

    private final String alertsTopic;
    private final StaleRules rules;

    public StaleTopology(String alertsTopic, StaleRules rules) {
        this.alertsTopic = alertsTopic;
        this.rules = rules;
    }

    public void build(StreamsBuilder builder, KStream<String, FollowUp> followUps) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WATCH_STORE),
                Serdes.String(), JsonSerde.of(CustomerWatch.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INDEX_STORE),
                Serdes.String(), Serdes.String()));
        followUps.process(() -> new StaleProcessor(rules, WATCH_STORE, INDEX_STORE), Named.as("stale-check"),
                        WATCH_STORE, INDEX_STORE)
                .to(alertsTopic, Produced.with(Serdes.String(), JsonSerde.of(Alert.class)).withName("alerts-sink"));
    }
}
