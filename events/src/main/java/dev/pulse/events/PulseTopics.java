package dev.pulse.events;

import dev.pulse.events.alerts.Alert;
import dev.pulse.events.changes.CustomerChange;
import dev.pulse.events.duplicates.DuplicateFlag;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The catalogue of every topic Pulse owns, each declared once with its types and settings; the
 * names and the partition count come from {@link TopicNames}, bound from {@code pulse.kafka.topics.*}
 * (environment {@code PULSE_TOPIC_*}) in every service. {@link TopicAdmin} creates them from here;
 * Kafka Streams' internal topics are the processor's own.
 *
 * <p>Values are JSON ({@link JsonSerde}). A reader that must survive a record it cannot read (the
 * stream processor's intake, the projector) reads bytes and parses them itself, by the type named
 * here.
 */
public record PulseTopics(
        Topic<String, FollowUp> followups,
        Topic<String, Sale> sales,
        Topic<String, PoisonRecord> errors,
        Topic<String, CustomerChange> changes,
        Topic<String, DuplicateFlag> duplicateFlags,
        Topic<String, Alert> alerts,
        int partitions) {

    /** The input topics are the history every aggregate is rebuilt from: kept for ever. */
    private static final Map<String, String> KEEP_FOR_EVER = Map.of("retention.ms", "-1", "retention.bytes", "-1");

    /** 30 days: a projector stopped for longer than this must rebuild (./pulse rebuild). */
    static final String CHANGES_RETENTION_MS = String.valueOf(30L * 24 * 3600 * 1000);

    public static PulseTopics of(TopicNames names) {
        Serde<String> key = Serdes.String();
        return new PulseTopics(
                new Topic<>(names.followups(), key, JsonSerde.of(FollowUp.class), KEEP_FOR_EVER),
                new Topic<>(names.sales(), key, JsonSerde.of(Sale.class), KEEP_FOR_EVER),
                new Topic<>(names.errors(), key, JsonSerde.of(PoisonRecord.class), Map.of()),
                // additive changes: never compacted (two changes of one customer both count)
                new Topic<>(names.changes(), key, JsonSerde.of(CustomerChange.class),
                        Map.of("cleanup.policy", "delete", "retention.ms", CHANGES_RETENTION_MS)),
                // the latest state of each flag and alert is what counts
                new Topic<>(names.duplicateFlags(), key, JsonSerde.of(DuplicateFlag.class), Map.of("cleanup.policy", "compact")),
                new Topic<>(names.alerts(), key, JsonSerde.of(Alert.class), Map.of("cleanup.policy", "compact")),
                names.partitions());
    }

    public List<Topic<String, ?>> all() {
        return List.of(followups, sales, errors, changes, duplicateFlags, alerts);
    }

    /** What the stream processor writes and the projector reads besides the inputs. */
    public List<Topic<String, ?>> derived() {
        return List.of(changes, duplicateFlags, alerts);
    }
}
