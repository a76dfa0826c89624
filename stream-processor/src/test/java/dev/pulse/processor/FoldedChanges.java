package dev.pulse.processor;

import dev.pulse.events.JsonSerde;
import dev.pulse.events.activity.ActivityRow;
import dev.pulse.events.changes.CustomerChange;
import dev.pulse.events.funnel.FunnelCell;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The changes topic read as the projector reads it: every change added to the rows and cells it
 * touches. Each read returns, like a topic of full rows would, the current figures of every row
 * touched since the last read, so the topology tests assert full activity rows and funnel cells.
 */
public final class FoldedChanges {

    private final TestOutputTopic<String, CustomerChange> changes;
    private final Folded<ActivityRow> activity = new Folded<>(ActivityRow::plus);
    private final Folded<FunnelCell> funnel = new Folded<>(FunnelCell::plus);

    public FoldedChanges(TopologyTestDriver driver, String topic) {
        this.changes = driver.createOutputTopic(topic, new StringDeserializer(),
                JsonSerde.of(CustomerChange.class).deserializer());
    }

    /** Activity rows keyed by row key. */
    public Folded<ActivityRow> activity() {
        return activity;
    }

    /** Funnel cells keyed by cell key. */
    public Folded<FunnelCell> funnel() {
        return funnel;
    }

    private void drain() {
        for (CustomerChange change : changes.readValuesToList()) {
            change.activityDeltas().forEach(delta -> activity.add(delta.key(), delta));
            change.funnel().forEach(delta -> funnel.add(delta.key(), delta));
        }
    }

    /** One aggregate's rows: every change folded in, and the updates not read yet. */
    public final class Folded<V> {

        private final BinaryOperator<V> plus;
        private final Map<String, V> current = new HashMap<>();
        private final List<KeyValue<String, V>> unread = new ArrayList<>();

        private Folded(BinaryOperator<V> plus) {
            this.plus = plus;
        }

        private void add(String key, V delta) {
            V updated = current.merge(key, delta, plus);
            unread.add(KeyValue.pair(key, updated));
        }

        /** Each update in order, with the row's figures right after it. */
        public List<KeyValue<String, V>> readKeyValuesToList() {
            drain();
            List<KeyValue<String, V>> read = List.copyOf(unread);
            unread.clear();
            return read;
        }

        /** The current figures of every row updated since the last read. */
        public Map<String, V> readKeyValuesToMap() {
            Map<String, V> read = new LinkedHashMap<>();
            readKeyValuesToList().forEach(update -> read.put(update.key, update.value));
            return read;
        }

        public boolean isEmpty() {
            drain();
            return unread.isEmpty();
        }
    }
}
