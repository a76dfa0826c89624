package dev.pulse.report.projector;

import dev.pulse.events.InputEvent;
import dev.pulse.events.Pipeline;
import dev.pulse.events.PulseTopics;
import dev.pulse.events.Topic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.jooq.DSLContext;

/**
 * The loop every projected topic shares: read each record of a poll, skip one that cannot be read,
 * note whose figures it changes (for the live stream), then hand the poll's readable values to the
 * feature's statements in one call. A feature says only how a value is checked, whose it is and
 * what SQL adds it (docs/DESIGN.md, "Flow").
 *
 * <p>An unreadable record is skipped, never allowed to fail the batch: failing would stop every
 * topic's projection for good, while the stream processor has already reported a poison input on the
 * error topic, and a derived record it wrote cannot be fixed by retrying.
 */
public final class ProjectingWriter<T> implements TopicWriter {

    /** A feature's statements for one poll's readable values, inside the projector's transaction. */
    @FunctionalInterface
    public interface Batch<T> {

        void write(DSLContext db, List<T> values);
    }

    /** One record's value, or null when it cannot be projected. */
    @FunctionalInterface
    private interface Reader<T> {

        T read(ConsumerRecord<String, byte[]> record);
    }

    private final String topic;
    private final Reader<T> reader;
    private final Function<T, ? extends Collection<Owner>> owners;
    private final Batch<T> batch;

    private ProjectingWriter(String topic, Reader<T> reader, Function<T, ? extends Collection<Owner>> owners,
                             Batch<T> batch) {
        this.topic = topic;
        this.reader = reader;
        this.owners = owners;
        this.batch = batch;
    }

    /**
     * A topic the stream processor writes: each value read with the topic's own serde.
     *
     * @param complete whether a value has what its row is identified by (older or foreign writers may
     *                 leave a field out)
     */
    public static <T> ProjectingWriter<T> derived(Topic<String, T> topic, Predicate<T> complete,
                                                  Function<T, ? extends Collection<Owner>> owners, Batch<T> batch) {
        Deserializer<T> values = topic.valueSerde().deserializer();
        return new ProjectingWriter<>(topic.name(), record -> {
            try {
                T value = values.deserialize(topic.name(), record.value());
                return value != null && complete.test(value) ? value : null;
            } catch (SerializationException e) {
                return null;
            }
        }, owners, batch);
    }

    /** An input topic: each record read as the stream processor's intake reads it ({@link InputEvent#read}). */
    public static <T> ProjectingWriter<T> input(InputEvent<T> event, PulseTopics topics, Pipeline pipeline,
                                                Function<T, Owner> owner, Batch<T> batch) {
        var rules = event.recordedRules(pipeline);
        return new ProjectingWriter<>(event.topicIn(topics).name(), record -> event.read(record.value(), rules).event(),
                value -> List.of(owner.apply(value)), batch);
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public int write(DSLContext db, List<ConsumerRecord<String, byte[]>> records, Set<Owner> touched) {
        List<T> readable = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            T value = reader.read(record);
            if (value != null) {
                touched.addAll(owners.apply(value));
                readable.add(value);
            }
        }
        batch.write(db, readable);
        return readable.size();
    }

    /**
     * The poll's values folded per key, in key order: the order an upsert locks its rows in, so two
     * projector instances writing the same rows wait for each other instead of deadlocking.
     *
     * @param fold what the row holds after the later value is applied to it
     */
    public static <K extends Comparable<K>, T> Collection<T> foldedByKey(List<T> values, Function<T, K> key,
                                                                         BinaryOperator<T> fold) {
        var folded = new TreeMap<K, T>();
        values.forEach(value -> folded.merge(key.apply(value), value, fold));
        return folded.values();
    }
}
