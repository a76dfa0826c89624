package dev.pulse.events;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * One Pulse topic: its name, the serdes of its keys and values (so producers and readers cannot
 * disagree), and the settings it is created with (retention, compaction). Declared once, in
 * {@link PulseTopics}.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Map<String, String> configs) {

    public Topic {
        configs = Map.copyOf(configs);
    }
}
