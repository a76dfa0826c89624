package dev.pulse.events;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A Kafka serde for any record type, as UTF-8 JSON. Null stays null (tombstones pass through). */
public final class JsonSerde<T> implements Serde<T> {

    private final Class<T> type;
    private final JsonMapper mapper;

    public JsonSerde(Class<T> type) {
        this(type, Json.MAPPER);
    }

    private JsonSerde(Class<T> type, JsonMapper mapper) {
        this.type = type;
        this.mapper = mapper;
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    /** For a state store: see {@link Json#STATE}. Never for a topic other services read. */
    public static <T> JsonSerde<T> forState(Class<T> type) {
        return new JsonSerde<>(type, Json.STATE);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : mapper.writeValueAsBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return mapper.readValue(bytes, type);
            } catch (JacksonException e) {
                throw new SerializationException("Not a " + type.getSimpleName() + " on " + topic + ": "
                        + e.getOriginalMessage(), e);
            }
        };
    }
}
