package dev.pulse.report.projector;

import dev.pulse.events.Json;
import dev.pulse.events.validation.Validated;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Parses a raw input record with the shared validation. Poison is reported on the error topic by
 * the stream processor; here it is only skipped, so one bad record never blocks the read model.
 */
final class RecordParser<T> {

    private final BiFunction<JsonNode, Integer, Validated<T>> validator;
    private final Function<T, UUID> eventId;

    RecordParser(BiFunction<JsonNode, Integer, Validated<T>> validator, Function<T, UUID> eventId) {
        this.validator = validator;
        this.eventId = eventId;
    }

    /** @return the event, or null when the record is not a valid event with an eventId */
    T parse(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            Validated<T> validated = validator.apply(Json.MAPPER.readTree(record.value()), 0);
            return validated.isValid() && eventId.apply(validated.value()) != null ? validated.value() : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
