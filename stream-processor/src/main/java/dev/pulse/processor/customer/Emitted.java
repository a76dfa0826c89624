package dev.pulse.processor.customer;

import dev.pulse.events.Json;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One output of the customer processor, on its way to the topic its kind names: a change of the
 * additive aggregates, a duplicate flag, an alert, or a contact sighting for the duplicate-customer
 * check (the only output that needs another key, so the only one repartitioned).
 */
public record Emitted(Kind kind, Object value) {

    public enum Kind { CHANGE, FLAG, ALERT, SIGHTING }

    /** Writes the payload alone, as the JSON of its own record type; what reads it knows that type. */
    public static Serde<Emitted> payloadSerde() {
        Serializer<Emitted> serializer = (topic, emitted) ->
                emitted == null ? null : Json.MAPPER.writeValueAsBytes(emitted.value());
        Deserializer<Emitted> deserializer = (topic, bytes) -> {
            throw new UnsupportedOperationException("outputs are read as their own types, never as Emitted");
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
