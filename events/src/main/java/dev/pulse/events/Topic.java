package dev.pulse.events;

import org.apache.kafka.common.serialization.Serde;

/** A topic's name with the serdes of its key and value, so producers and readers cannot disagree. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
}
